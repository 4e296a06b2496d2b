import { localDate } from '../../domain/calendar/local-date.js';
import { addDays } from '../../domain/calendar/iso-week.js';
import { digestWeekOf, nextDigestWeek, type DigestWeek } from '../../domain/digest/digest-week.js';
import type { Occurrence, Recurring } from '../recurring.js';
import type { DigestDeps } from './digest-deps.js';
import { sendWeeklyDigest } from './send-digest.js';

const occurrence = (week: DigestWeek): Occurrence => ({
  key: week.key,
  dueAt: week.dueAt,
  payload: { monday: week.monday },
});

/**
 * The weekly digest as recurring work: one due job per week (`ukesoversikt:2026-W49`), due at the
 * configured weekday and local time (Monday 07:30 Europe/Oslo by default). A stored job survives
 * a restart; two instances running it queue each place's digest once (see `sendWeeklyDigest`).
 */
export function weeklyDigest(deps: DigestDeps): Recurring {
  const { schedule } = deps;
  const { timeZone } = deps.read;
  return {
    kind: 'ukesoversikt',
    first: async (now) => occurrence(nextDigestWeek(now, schedule, timeZone)),
    async run(job, now) {
      const week = digestWeekOf(String(job.payload.monday), schedule, timeZone);
      // Down the whole week: a digest of a week that is over tells nobody anything.
      if (localDate(now, timeZone) <= addDays(week.monday, 6)) await sendWeeklyDigest(deps, week, now);
      else deps.logger.warn('weekly digest skipped: its week is over', { week: week.key });
      const after = new Date(Math.max(now.getTime(), week.dueAt.getTime()));
      return occurrence(nextDigestWeek(after, schedule, timeZone));
    },
  };
}
