import { describe, expect, it } from 'vitest';
import { reportTexts } from './reports.js';

describe('conflict texts for a unit’s local plan', () => {
  it('name who saved and when, in nb and en', () => {
    expect(reportTexts('nb').localPlanStale('Rektor Lund', 'mandag 1. mars 2027 kl. 09:00')).toMatch(
      /^Rektor Lund lagret den lokale planen mandag 1\. mars 2027 kl\. 09:00, etter at du åpnet den\./,
    );
    expect(reportTexts('en').planStale('Ann', 'Monday 1 March 2027 at 09:00')).toMatch(
      /^Ann changed the unit's local plan Monday 1 March 2027 at 09:00, after this form was made\./,
    );
  });

  it('say what happened without a placeholder name or a stray comma when nobody saved it', () => {
    for (const language of ['nb', 'en'] as const) {
      const text = reportTexts(language);
      for (const message of [
        text.localPlanStale(undefined, undefined),
        text.planStale(undefined, undefined),
      ]) {
        expect(message).not.toContain('?');
        expect(message).not.toMatch(/ ,| {2}/);
      }
    }
    expect(reportTexts('en').localPlanStale(undefined, undefined)).toBe(
      'The version of the local plan you opened is not the one stored now. Nothing was saved; reload the plan and make your change there.',
    );
    expect(reportTexts('nb').planStale(undefined, undefined)).toBe(
      'Enhetens lokale plan er ikke lenger den dette skjemaet ble laget fra. Ingenting er lagret; her er skjemaet med den gjeldende planen.',
    );
    expect(reportTexts('nb').localPlanStale('Rektor Lund', undefined)).toMatch(
      /^Rektor Lund lagret den lokale planen, etter at du åpnet den\./,
    );
  });
});
