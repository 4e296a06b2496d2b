// Words that betray the wrong language in what a person reads. Each list holds only words that are
// not also words of the other language (nor in the demo plan's names), so a hit is a real slip.

/** Words that show English in a Norwegian answer. */
export const ENGLISH_WORDS =
  'the and you your is are not this that please sorry saved save link linked channel help thank thanks ' +
  'submitted item items meeting meetings report reports write unknown choose next reading calendar until ' +
  'only open nothing there of in on with from have has was will can cannot must been here what who when ' +
  'which edit cancel withdraw done read language deadline draft it its yes no partly';
// Not «english»: the language choice names each language in its own words (English, Norsk), so an
// English speaker finds hers on a Norwegian card.

/** Words that show Norwegian in an English answer. */
export const NORWEGIAN_WORDS =
  'og ikke du deg din dine ditt er det kan til skriv lagret velg takk beklager finnes frist fristen saken ' +
  'må fylles besvares minst handling handlinger kartlegging analyse mål tegn tidsressurser ' +
  'kanalen møtet neste ingen eller som med på av fra hjelp rapporten lagre endre avbryt ja nei delvis ' +
  'januar februar mars mai juni juli oktober desember mandag tirsdag onsdag torsdag fredag lørdag søndag';

/** A whole-word, case-insensitive pattern for a space-separated word list. */
export function markers(words: string): RegExp {
  return new RegExp(`(?<!\\p{L})(${words.split(' ').join('|')})(?!\\p{L})`, 'giu');
}

/** The distinct marker words found in a text (empty when none). */
export function wordsIn(text: string, words: string): string[] {
  return [...new Set([...text.matchAll(markers(words))].map((m) => m[0].toLowerCase()))];
}
