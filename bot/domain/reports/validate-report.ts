import { problem, type Problem, type ProblemField } from '../problems.js';
import type { PlanFile, Unit } from '../plan/plan-schema.js';
import type { Campaign } from './campaign.js';
import { localPlanProblems } from './local-plan.js';
import { ANSWERS, signsFor, type ReportContent } from './report.js';

/** Longest text in one field, and in a comment to a sign. */
export const MAX_TEXT = 2000;
export const MAX_COMMENT = 500;

/**
 * Problems with a report, by code, one per field. A draft may be incomplete but not too long
 * or malformed; a submitted report must be complete.
 */
export function reportProblems(
  content: ReportContent,
  plan: PlanFile,
  unit: Unit,
  campaign: Pick<Campaign, 'kind' | 'questions'>,
  final: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const text = (value: string, field: ProblemField, required: boolean, max = MAX_TEXT) => {
    if (required && final && !value) problems.push(problem('FIELD_REQUIRED', { field }));
    if (value.length > max) problems.push(problem('FIELD_TOO_LONG', { field, length: value.length, max }));
  };
  if (campaign.kind === 'forespørsel') {
    for (const q of campaign.questions)
      text(content.answers[q.id] ?? '', { kind: 'question', text: q.text }, q.required);
    return problems;
  }
  problems.push(...localPlanProblems(content, final ? 'report' : 'draft'));
  for (const { signs } of signsFor(plan, unit))
    for (const sign of signs) {
      const answer = content.signs[sign.id];
      if (answer?.answer && !ANSWERS.includes(answer.answer))
        problems.push(problem('SIGN_ANSWER_UNKNOWN', { sign: sign.text }));
      else if (final && !answer?.answer) problems.push(problem('SIGN_UNANSWERED', { sign: sign.text }));
      text(answer?.comment ?? '', { kind: 'sign-comment', sign: sign.text }, false, MAX_COMMENT);
    }
  text(content.tidsressurser, { kind: 'tidsressurser' }, true);
  text(content.fritekst, { kind: 'fritekst' }, false);
  return problems;
}
