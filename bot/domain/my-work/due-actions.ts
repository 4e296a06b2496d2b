import { addDays } from '../calendar/iso-week.js';
import type { LocalPlanAction } from '../reports/local-plan.js';

/** A local-plan action that is someone's to do soon, or already late. */
export interface DueAction extends LocalPlanAction {
  /** Its deadline has passed (the deadline day itself is still in time) and it is not done. */
  readonly overdue: boolean;
}

/**
 * The actions not done whose deadline is on or before `today + days`, overdue ones included
 * however old, soonest deadline first. An action without a deadline is nobody's task yet.
 */
export function dueActions(actions: readonly LocalPlanAction[], today: string, days: number): DueAction[] {
  const until = addDays(today, days);
  return actions
    .filter((a) => a.status !== 'fullført' && a.deadline !== '' && a.deadline <= until)
    .map((a) => ({ ...a, overdue: a.deadline < today }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
}
