import type { Messages } from '../../i18n/index.js';
import { adaptiveCard, factSet, heading, textBlock, when, type AdaptiveCard } from './elements.js';

export interface HelpCardData {
  title: string;
  /** Shown above the help when the bot did not understand the message; empty otherwise. */
  notice: string;
  intro: string;
  commandsHeading: string;
  commands: { name: string; description: string }[];
  footer: string;
}

export function helpCardData(
  text: Messages,
  notUnderstood: boolean,
  more: readonly { name: string; description: string }[] = [],
): HelpCardData {
  return {
    title: text.help.title,
    notice: notUnderstood ? text.help.notUnderstood : '',
    intro: text.help.intro,
    commandsHeading: text.help.commandsHeading,
    commands: [text.help.command, ...more].map((command) => ({ ...command })),
    footer: text.help.footer,
  };
}

export function renderHelpCard(data: HelpCardData): AdaptiveCard {
  return adaptiveCard([
    heading(data.title),
    ...when(data.notice, textBlock(data.notice, { wrap: true, color: 'Attention' })),
    textBlock(data.intro, { wrap: true }),
    textBlock(data.commandsHeading, { wrap: true, weight: 'Bolder', spacing: 'Medium' }),
    factSet(data.commands.map((c) => ({ title: c.name, value: c.description }))),
    textBlock(data.footer, { wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ]);
}
