import type { Language } from '../i18n/index.js';

/** A command read from a chat message. */
export type Command =
  | { readonly name: 'help'; readonly language: Language | undefined }
  | { readonly name: 'link'; readonly language: Language | undefined }
  | { readonly name: 'unknown' };

const ALIASES: Record<string, Command> = {
  hjelp: { name: 'help', language: 'nb' },
  help: { name: 'help', language: 'en' },
  '?': { name: 'help', language: undefined },
  koble: { name: 'link', language: 'nb' },
  link: { name: 'link', language: 'en' },
};

/** Reads the command word of a message whose @mention has already been removed. */
export function parseCommand(text: string | undefined): Command {
  const word = (text ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return ALIASES[word] ?? { name: 'unknown' };
}
