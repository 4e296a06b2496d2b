import type { PlanFile, Unit } from '../plan/plan-schema.js';
import type { Campaign } from './campaign.js';
import { localPlanProblems } from './local-plan.js';
import { ANSWERS, signsFor, type ReportContent } from './report.js';

/** Longest text in one field, and in a comment to a sign. */
export const MAX_TEXT = 2000;
export const MAX_COMMENT = 500;

/**
 * Problems with a report, in Norwegian, one per field. A draft may be incomplete but not too long
 * or malformed; a submitted report must be complete.
 */
export function reportProblems(
  content: ReportContent,
  plan: PlanFile,
  unit: Unit,
  campaign: Pick<Campaign, 'kind' | 'questions'>,
  final: boolean,
): string[] {
  const problems: string[] = [];
  const text = (value: string, label: string, required: boolean, max = MAX_TEXT) => {
    if (required && final && !value) problems.push(`«${label}» må fylles ut.`);
    if (value.length > max) problems.push(`«${label}» er for lang (${value.length} tegn, høyst ${max}).`);
  };
  if (campaign.kind === 'forespørsel') {
    for (const q of campaign.questions) text(content.answers[q.id] ?? '', q.text, q.required);
    return problems;
  }
  problems.push(...localPlanProblems(content, final ? 'report' : 'draft'));
  for (const { signs } of signsFor(plan, unit))
    for (const sign of signs) {
      const answer = content.signs[sign.id];
      if (answer?.answer && !ANSWERS.includes(answer.answer))
        problems.push(`Tegnet «${sign.text}» må besvares ja, delvis eller nei.`);
      else if (final && !answer?.answer) problems.push(`Tegnet «${sign.text}» må besvares.`);
      text(answer?.comment ?? '', `Kommentar til «${sign.text}»`, false, MAX_COMMENT);
    }
  text(content.tidsressurser, 'Tidsressurser', true);
  text(content.fritekst, 'Fritekst', false);
  return problems;
}
