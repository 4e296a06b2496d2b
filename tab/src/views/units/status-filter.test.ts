import { describe, expect, it } from 'vitest';
import type { UnitStatusRow } from '../../api/view-types';
import { filterRows, NO_FILTER } from './status-filter';

const row = (unitId: string, name: string, more: Partial<UnitStatusRow> = {}): UnitStatusRow => ({
  unitId,
  name,
  type: 'skole',
  leaders: [],
  mine: false,
  localPlan: null,
  actions: { 'ikke-startet': 0, pågår: 0, fullført: 0, overdue: 0 },
  campaign: { state: 'asked', date: '2026-12-15', submittedLate: false },
  signs: null,
  reach: { reachable: true, by: 'chat' },
  ...more,
});

describe('the status overview’s filter', () => {
  const rows = [
    row('b', 'Ballstad skole', { actions: { 'ikke-startet': 0, pågår: 1, fullført: 0, overdue: 1 } }),
    row('a', 'Åsen barnehage', { type: 'barnehage', mine: true }),
    row('l', 'Leknes skole', { reach: { reachable: false, reason: 'no-leader', leaders: [] } }),
  ];
  const ids = (list: UnitStatusRow[]) => list.map((r) => r.unitId);

  it('puts the person’s own unit first, then the others by name in Norwegian order', () => {
    expect(ids(filterRows(rows, NO_FILTER))).toEqual(['a', 'b', 'l']);
  });

  it('keeps only overdue, only unreachable, one type, or names that contain the search', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, overdue: true }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...NO_FILTER, unreachable: true }))).toEqual(['l']);
    expect(ids(filterRows(rows, { ...NO_FILTER, type: 'skole' }))).toEqual(['b', 'l']);
    expect(ids(filterRows(rows, { ...NO_FILTER, search: 'LEKNES' }))).toEqual(['l']);
  });
});
