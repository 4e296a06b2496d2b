import { dateTimeInWords } from '../../i18n/dates.js';
import type { Language } from '../../i18n/messages.js';
import type { Access } from '../access.js';
import type { ReportDeps } from './report-deps.js';

/** Who may change a unit's report: its leaders and admins. Checked on every action. */
export function mayChange(access: Access, unitId: string): boolean {
  return access.roles.has('admin') || (access.person?.leads.includes(unitId) ?? false);
}

/** Who may read it: also coordinators. */
export function mayRead(access: Access, unitId: string): boolean {
  return mayChange(access, unitId) || access.roles.has('koordinator');
}

/** Who saved a report or local plan, by object id and by name as people see it, and when. */
export function savedStamp(access: Access, now: Date) {
  return {
    savedBy: access.principal.aadObjectId,
    savedByName: access.person?.name ?? access.principal.name ?? access.principal.aadObjectId,
    savedAt: now.toISOString(),
  };
}

/**
 * When a report or plan was saved, in words with the weekday and the time, in the plan's time
 * zone: «tirsdag 15. desember 2026 kl. 09:30», «Tuesday 15 December 2026 at 09:30».
 */
export function when(
  deps: Pick<ReportDeps, 'read'>,
  iso: string | undefined,
  language: Language = 'nb',
): string {
  return dateTimeInWords(iso, deps.read.timeZone, language);
}
