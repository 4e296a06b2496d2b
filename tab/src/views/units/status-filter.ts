import type { UnitStatusRow } from '../../api/view-types';

export type CampaignStateName = NonNullable<UnitStatusRow['campaign']>['state'];
export const CAMPAIGN_STATES: readonly CampaignStateName[] = [
  'not-asked',
  'asked',
  'draft',
  'submitted',
  'late',
];
export const SORTS = ['name', 'type', 'state', 'overdue'] as const;
export type StatusSort = (typeof SORTS)[number];

export interface StatusFilter {
  readonly search: string;
  /** '' for every type. */
  readonly type: string;
  /** '' for every state. */
  readonly state: string;
  readonly overdue: boolean;
  readonly unreachable: boolean;
  readonly sort: StatusSort;
}

export const NO_FILTER: StatusFilter = {
  search: '',
  type: '',
  state: '',
  overdue: false,
  unreachable: false,
  sort: 'name',
};

// Who is behind comes first when sorting by state.
const STATE_ORDER: Record<CampaignStateName | 'none', number> = {
  late: 0,
  'not-asked': 1,
  asked: 2,
  draft: 3,
  submitted: 4,
  none: 5,
};

/** The rows the filter lets through, sorted; the caller's own units always first. */
export function filterRows(rows: readonly UnitStatusRow[], filter: StatusFilter): UnitStatusRow[] {
  const needle = filter.search.trim().toLocaleLowerCase('nb');
  const byName = (a: UnitStatusRow, b: UnitStatusRow) => a.name.localeCompare(b.name, 'nb');
  const order: Record<StatusSort, (a: UnitStatusRow, b: UnitStatusRow) => number> = {
    name: byName,
    type: (a, b) => a.type.localeCompare(b.type) || byName(a, b),
    state: (a, b) =>
      STATE_ORDER[a.campaign?.state ?? 'none'] - STATE_ORDER[b.campaign?.state ?? 'none'] || byName(a, b),
    overdue: (a, b) => b.actions.overdue - a.actions.overdue || byName(a, b),
  };
  return rows
    .filter(
      (r) =>
        (!needle || r.name.toLocaleLowerCase('nb').includes(needle)) &&
        (!filter.type || r.type === filter.type) &&
        (!filter.state || r.campaign?.state === filter.state) &&
        (!filter.overdue || r.actions.overdue > 0) &&
        (!filter.unreachable || !r.reach.reachable),
    )
    .sort((a, b) => Number(b.mine) - Number(a.mine) || order[filter.sort](a, b));
}
