import { describe, expect, it } from 'vitest';
import type { UnitStatusRow } from '../../api/view-types';
import { translator, type Language } from '../../i18n/i18n';
import { reportStateOf } from '../mine/mine-words';
import { statusWords } from './status-words';

/** A unit row of Enheter in the given campaign state, the rest of the row beside the point. */
const row = (campaign: UnitStatusRow['campaign']): UnitStatusRow => ({
  unitId: 'leknes-skole',
  name: 'Leknes skole',
  type: 'skole',
  leaders: ['Rita Rektor'],
  mine: true,
  localPlan: null,
  actions: { 'ikke-startet': 0, pågår: 0, fullført: 0, overdue: 0 },
  campaign,
  signs: null,
  reach: { reachable: true, by: 'chat' },
});

const enheter = (campaign: UnitStatusRow['campaign'], language: Language) =>
  statusWords(row(campaign), translator(language), language, '2026-H2').campaign;
const mine = (status: 'ikke-spurt' | 'mangler' | 'utkast', language: Language) =>
  reportStateOf({ status }, translator(language));

// From the unit's side: «not asked» until a request has reached its leaders; «not started» once
// asked and before a draft. Enheter (everyone who sees the unit) and «Mine» (its leader) agree.
describe('a unit’s report state, in Enheter and in «Mine»', () => {
  it('says «Ikke spurt» on both before a request has reached the unit’s leaders', () => {
    expect(enheter({ state: 'not-asked', date: null, submittedLate: false }, 'nb')).toBe('Ikke spurt');
    expect(mine('ikke-spurt', 'nb')).toBe('Ikke spurt: forespørselen har ikke nådd deg i Teams ennå');
    expect(enheter({ state: 'not-asked', date: null, submittedLate: false }, 'en')).toBe('Not asked');
    expect(mine('ikke-spurt', 'en')).toBe('Not asked: the request has not reached you in Teams yet');
  });

  it('says «ikke påbegynt» on both once asked and before a draft, late or not', () => {
    expect(enheter({ state: 'asked', date: '2026-12-15', submittedLate: false }, 'nb')).toBe(
      'Spurt, frist tirsdag 15. desember 2026; ikke påbegynt',
    );
    expect(enheter({ state: 'late', date: '2026-12-15', submittedLate: false }, 'nb')).toBe(
      'Forsinket: fristen var tirsdag 15. desember 2026; ikke påbegynt',
    );
    expect(mine('mangler', 'nb')).toBe('Ikke påbegynt');
    expect(enheter({ state: 'asked', date: '2026-12-15', submittedLate: false }, 'en')).toBe(
      'Asked, due Tuesday, 15 December 2026; not started',
    );
    expect(mine('mangler', 'en')).toBe('Not started');
  });

  it('says a draft is saved on both, and never «not started» for it', () => {
    const late = {
      state: 'late' as const,
      date: '2026-12-15',
      submittedLate: false,
      draftSavedAt: '2026-12-10',
    };
    expect(enheter(late, 'nb')).toBe(
      'Forsinket: fristen var tirsdag 15. desember 2026; utkast lagret torsdag 10. desember 2026',
    );
    expect(enheter({ state: 'draft', date: '2026-12-10', submittedLate: false }, 'nb')).toBe(
      'Utkast lagret torsdag 10. desember 2026',
    );
    expect(mine('utkast', 'nb')).toBe('Utkast lagret');
    expect(mine('utkast', 'en')).toBe('Draft saved');
  });
});
