/**
 * A command read from a chat message. The word chooses the command only: `help` and `hjelp` are
 * the same command, and the answer is in the person's language, never the word's.
 */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'link' }
  | { readonly name: 'language'; readonly args: string }
  | { readonly name: 'unknown' };

const WORDS: Record<string, Command['name']> = {
  hjelp: 'help',
  help: 'help',
  '?': 'help',
  koble: 'link',
  link: 'link',
  språk: 'language',
  sprak: 'language',
  language: 'language',
};

/** Reads the command word of a message whose @mention has already been removed. */
export function parseCommand(text: string | undefined): Command {
  const said = (text ?? '').trim();
  const word = said.split(/\s+/)[0]?.toLowerCase() ?? '';
  const name = WORDS[word];
  if (name === 'language') return { name, args: said.slice(word.length).trim() };
  return name ? { name } : { name: 'unknown' };
}
