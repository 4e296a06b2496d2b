/** A chat message read as a command: its first word (lower case) and the rest. */
export interface SaidCommand {
  readonly word: string;
  readonly args: string;
}

/** The words that ask for help; any word no feature knows gets help too, saying so. */
export const HELP_WORDS: ReadonlySet<string> = new Set(['hjelp', 'help', '?']);

/**
 * Reads the command word of a message whose @mention has already been removed. The word chooses
 * the command only: `help` and `hjelp` are the same command, and the answer is in the person's
 * language, never the word's.
 */
export function readCommand(text: string | undefined): SaidCommand {
  const said = (text ?? '').trim();
  const word = said.split(/\s+/)[0]?.toLowerCase() ?? '';
  return { word, args: said.slice(word.length).trim() };
}
