import type { PlanFile, Unit } from '../plan/plan-schema.js';
import type { Campaign } from './campaign.js';
import { ACTION_STATUSES, ANSWERS, signsFor, type ReportContent } from './report.js';

/** Longest text in one field, and in a comment to a sign. */
export const MAX_TEXT = 2000;
export const MAX_COMMENT = 500;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  text(content.kartlegging, 'Kartlegging', true);
  text(content.analyse, 'Analyse', true);
  text(content.mal, 'Mål', true);
  text(content.handling, 'Handling', true);
  if (content.handlingFrist && !DATE.test(content.handlingFrist))
    problems.push('«Frist for handling» må være en dato (ÅÅÅÅ-MM-DD).');
  else if (final && !content.handlingFrist) problems.push('«Frist for handling» må fylles ut.');
  if (content.handlingStatus && !ACTION_STATUSES.includes(content.handlingStatus))
    problems.push('«Status for handling» må være ikke startet, pågår eller fullført.');
  else if (final && !content.handlingStatus) problems.push('«Status for handling» må velges.');
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
