import type { Messages } from '../../i18n/index.js';
import type { LinkOption } from '../../use-cases/link-conversations.js';
import { adaptiveCard, execute, heading, textBlock, when, type AdaptiveCard } from './elements.js';

export interface LinkCardData {
  title: string;
  notice: string;
  intro: string;
  label: string;
  placeholder: string;
  save: string;
  conversationId: string;
  options: { key: string; title: string }[];
  /** Keys already linked, comma-separated, as Input.ChoiceSet wants its value. */
  selected: string;
}

export function linkCardData(
  text: Messages,
  conversationId: string,
  options: readonly LinkOption[],
  selected: readonly string[],
  notice = '',
): LinkCardData {
  return {
    title: text.link.title,
    notice,
    intro: text.link.intro,
    label: text.link.label,
    placeholder: text.link.placeholder,
    save: text.link.save,
    conversationId,
    options: options.map((o) => ({ ...o })),
    selected: selected.join(','),
  };
}

export function renderLinkCard(data: LinkCardData): AdaptiveCard {
  return adaptiveCard(
    [
      heading(data.title),
      ...when(data.notice, textBlock(data.notice, { wrap: true, color: 'Good' })),
      textBlock(data.intro, { wrap: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'targets',
        label: data.label,
        placeholder: data.placeholder,
        isMultiSelect: true,
        style: 'filtered',
        value: data.selected,
        choices: data.options.map((o) => ({ title: o.title, value: o.key })),
      },
    ],
    [execute(data.save, 'koble', { conversationId: data.conversationId })],
  );
}
