import type { Messages } from '../../i18n/index.js';
import template from './help.json' with { type: 'json' };
import { renderCard } from './render-card.js';

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

export function renderHelpCard(data: HelpCardData): Record<string, unknown> {
  return renderCard(template, data);
}
