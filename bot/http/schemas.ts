import { z } from 'zod';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { linkProblems, markdownProblems } from '../domain/agenda/markdown.js';
import { problem, type Problem, type ProblemField } from '../domain/problems.js';

/**
 * The building blocks of every request schema (bot/http/routes/*.ts). Limits keep every field
 * inside what Azure Table Storage holds (a string property ≤ 64 KiB, i.e. 32K UTF-16 units; an
 * entity ≤ 1 MiB and 255 properties), so storage never has to refuse what the edge let in.
 */

/** Longest single-line names: titles, names, questions. */
export const MAX_TITLE = 200;
/** Longest link: browsers and Teams handle far more, but a card's button needs no more. */
export const MAX_LINK = 2000;
/**
 * Longest list of audiences one broadcast names (each at most 200 characters): a broadcast is
 * stored as one JSON property of at most 32K characters, with its texts and whom it missed.
 */
export const MAX_AUDIENCES = 50;

/**
 * Attached to a custom issue: the problem to say, already coded. A `field` in its parameters is
 * a placeholder: bot/http/validate.ts puts the issue's path there, which only zod knows.
 */
export type Coded = { problem: Problem };
const HERE: ProblemField = { kind: 'input', name: '' };

/**
 * `path` as the problem's field: `audiences[3]` → `{ name: 'audiences', index: 3 }`. Inside a
 * list the entry is the field (`questions[0].text` is question 1), as the person numbers them.
 */
export function fieldOf(path: readonly PropertyKey[]): ProblemField {
  const at = path.findIndex((p) => typeof p === 'number');
  const names = (at < 0 ? path : path.slice(0, at)).filter((p) => typeof p === 'string');
  return {
    kind: 'input',
    name: names.join('.') || 'body',
    ...(at < 0 ? {} : { index: path[at] as number }),
  };
}

/** Adds a coded problem as an issue, at the place zod is checking. */
function say(ctx: z.core.$RefinementCtx, coded: Problem): void {
  ctx.addIssue({ code: 'custom', message: coded.code, params: { problem: coded } satisfies Coded });
}

/** Well-formed text of at most `max` units, kept as written (a message body's layout). */
const untrimmed = (base: z.ZodString, max: number) =>
  base.max(max).superRefine((value, ctx) => {
    if (!isWellFormed(value)) say(ctx, problem('FIELD_NOT_TEXT', { field: HERE }));
  });

/** Text as the person wrote it, trimmed, at most `max` UTF-16 units, well-formed (no lone surrogates). */
export const text = (max: number) => untrimmed(z.string().trim(), max);

/** Text that must be there. */
export const requiredText = (max: number) => text(max).min(1);

/**
 * Text that a card shows as markdown: the card's markdown rule (https links only, no HTML,
 * images or headings) for every such field alike, the broadcast's title as much as its body.
 * The body of a message is not named in its refusals, as before.
 */
export const cardText = (max: number, { body = false } = {}) =>
  // A body keeps its whitespace as before; its emptiness is the use case's to judge.
  (body ? untrimmed(z.string(), max) : text(max)).superRefine((value, ctx) => {
    // The length is the schema's own check; the rule is about what the card shows.
    for (const p of markdownProblems(value, body ? undefined : HERE, Infinity)) say(ctx, p);
  });

/** A link a card opens: https, at most {@link MAX_LINK} characters. */
export const httpsLink = () =>
  text(MAX_LINK).superRefine((value, ctx) => {
    for (const p of linkProblems(value, HERE)) say(ctx, p);
  });

/**
 * Ids of our own records, plans, events, units and campaigns (`kulg-02`, `testkommune.2026-2027`,
 * `2026-H2`, UUIDs): letters, digits, `.`, `_` and `-`. Never `/`, `\`, `#`, `?` or control
 * characters, which Azure Tables refuses in keys and which would change the URL a key is read at.
 */
export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);

/** A Teams conversation id (`19:…@thread.tacv2`, `a:1…`, `29:…`), with what Teams puts in it. */
export const conversationId = z.string().regex(/^[A-Za-z0-9][\w:@.;=+-]{0,399}$/);

/** A real calendar date, `YYYY-MM-DD`. The refusal repeats what was sent. */
export const isoDate = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) say(ctx, problem('FIELD_NOT_DATE', { field: HERE, value: value.slice(0, 40) }));
});

/** A point in time in ISO 8601 (`2026-12-01T08:00:00Z`). */
export const instant = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value)))
      say(ctx, problem('FIELD_NOT_TIME', { field: HERE }));
  });

/**
 * No lone UTF-16 surrogates (`"\ud800"`): with the `u` flag a lone one is a code point of its own
 * category, a pair is one astral code point. (`String.prototype.isWellFormed` once the lib has it.)
 */
export function isWellFormed(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}
