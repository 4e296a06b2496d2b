/**
 * What can be wrong in a plan file, as codes and parameters: the domain finds the problems, the
 * caller's language says them (bot/i18n/plan-issues.ts). The schema's own checks carry a code as
 * their message ({@link PLAN_CHECK}); zod's built-in checks (wrong type, unknown key, not one of
 * the allowed values) keep zod's words, in both languages.
 */
export const PLAN_CHECK = {
  slug: 'PLAN_SLUG',
  dateFormat: 'PLAN_DATE_FORMAT',
  dateInvalid: 'PLAN_DATE_INVALID',
  clock: 'PLAN_CLOCK',
  schoolYearFormat: 'PLAN_SCHOOL_YEAR_FORMAT',
  schoolYearOrder: 'PLAN_SCHOOL_YEAR_ORDER',
  textEmpty: 'PLAN_TEXT_EMPTY',
  textInvalid: 'PLAN_TEXT_INVALID',
  textTooLong: 'PLAN_TEXT_TOO_LONG',
  listTooLong: 'PLAN_LIST_TOO_LONG',
  entryTooLarge: 'PLAN_ENTRY_TOO_LARGE',
  daysWhole: 'PLAN_DAYS_WHOLE',
  daysNegative: 'PLAN_DAYS_NEGATIVE',
  daysTooMany: 'PLAN_DAYS_TOO_MANY',
  endBeforeStart: 'PLAN_END_BEFORE_START',
  endDateBeforeDate: 'PLAN_END_DATE_BEFORE_DATE',
  toBeforeFrom: 'PLAN_TO_BEFORE_FROM',
  monthFormat: 'PLAN_MONTH_FORMAT',
  dateAndMonth: 'PLAN_DATE_AND_MONTH',
  reminderUndated: 'PLAN_REMINDER_UNDATED',
} as const;
export type PlanCheck = (typeof PLAN_CHECK)[keyof typeof PLAN_CHECK];
const CHECKS = new Set<string>(Object.values(PLAN_CHECK));
export const isPlanCheck = (message: string): message is PlanCheck => CHECKS.has(message);

export type PlanProblem =
  /** One of the schema's own checks; `max` for a limit. */
  | { readonly code: PlanCheck; readonly max?: number }
  /** The text is not YAML or JSON; `detail` is the parser's own (English) words. */
  | { readonly code: 'PLAN_UNREADABLE'; readonly detail: string }
  | { readonly code: 'PLAN_DUPLICATE_ID'; readonly id: string }
  | { readonly code: 'PLAN_DUPLICATE_SIGN'; readonly id: string }
  | {
      readonly code: 'PLAN_UNKNOWN_REFERENCE';
      readonly kind: 'programme' | 'role' | 'goal' | 'theme';
      readonly id: string;
    }
  | { readonly code: 'PLAN_OWN_PARENT' }
  | { readonly code: 'PLAN_TAKES_NO_ITEMS' }
  /** Zod's own check, said by zod in each language. */
  | { readonly code: 'PLAN_SHAPE'; readonly text: { readonly nb: string; readonly en: string } };

/**
 * One problem in a plan file and where: `path` names entries by their id where they have one
 * (`calendar[12] (kulg-03).slots[0].start`; empty for the file as a whole), `line` where the text
 * could not be parsed.
 */
export interface PlanIssue {
  readonly path: string;
  readonly line?: number;
  readonly problem: PlanProblem;
}
