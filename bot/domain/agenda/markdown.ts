import { problem, type Problem, type ProblemField } from '../problems.js';

/** The longest text a card's TextBlock gets from a person; a broadcast's body. */
export const MAX_CARD_TEXT = 8000;

/**
 * Checks text for what Adaptive Card TextBlocks render: **bold**, _italic_, lists and
 * [links](https://…). One rule for every text a person writes that a card shows as markdown (a
 * broadcast's title and body, a reading), so a `javascript:` or `http:` link cannot reach a card
 * through any of them. `field` names the text unless it is the message's body. Empty when fine.
 */
export function markdownProblems(text: string, field?: ProblemField, max = MAX_CARD_TEXT): Problem[] {
  const at = field ? { field } : {};
  const problems: Problem[] = [];
  if (text.length > max) problems.push(problem('TEXT_TOO_LONG', { ...at, max }));
  if (/<\/?[a-z][^>]*>/i.test(text)) problems.push(problem('MARKDOWN_HTML', at));
  if (/!\[[^\]]*\]\(/.test(text)) problems.push(problem('MARKDOWN_IMAGE', at));
  if (/^#{1,6}\s/m.test(text)) problems.push(problem('MARKDOWN_HEADING', at));
  for (const match of text.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)) {
    if (!/^https:\/\//.test(match[1] ?? ''))
      problems.push(problem('MARKDOWN_LINK', { ...at, link: match[1] ?? '' }));
  }
  // A bare autolink (`javascript:alert(1)`, `http://…`) is a link in Teams' markdown as well.
  for (const match of text.matchAll(/(?<![\w(])(javascript|data|vbscript|http|file):[^\s)]*/gi)) {
    problems.push(problem('MARKDOWN_LINK', { ...at, link: match[0] }));
  }
  if ((text.match(/\*\*/g) ?? []).length % 2 === 1) problems.push(problem('MARKDOWN_BOLD_OPEN', at));
  return problems;
}

/** A link a card opens: https only. */
export function linkProblems(
  link: string | undefined,
  field: ProblemField = { kind: 'input', name: 'link' },
): Problem[] {
  if (!link) return [];
  return /^https:\/\/[^\s]+$/.test(link) ? [] : [problem('FIELD_NOT_HTTPS', { field })];
}

/** The longest title a card shows from a person (a broadcast's, a request's). */
export const MAX_TITLE = 200;
/** The longest reading assignment (lesebestilling) a broadcast carries. */
export const MAX_READING = 2000;
