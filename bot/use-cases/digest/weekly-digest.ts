import { localDate } from '../../domain/calendar/local-date.js';
import { addDays } from '../../domain/calendar/iso-week.js';
import { digestWeekOf, mondayOf, nextDigestWeek, type DigestWeek } from '../../domain/digest/digest-week.js';
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
      const today = localDate(now, timeZone);
      if (today <= addDays(week.monday, 6)) {
        await sendWeeklyDigest(deps, week, now);
        return occurrence(
          nextDigestWeek(new Date(Math.max(now.getTime(), week.dueAt.getTime())), schedule, timeZone),
        );
      }
      // Down past the end of its week: that digest tells nobody anything. This week's, if its
      // time has come, goes out now (a job due at once); otherwise the next one as usual.
      deps.logger.warn('weekly digest skipped: its week is over', { week: week.key });
      const current = digestWeekOf(mondayOf(today), schedule, timeZone);
      return occurrence(current.dueAt <= now ? current : nextDigestWeek(now, schedule, timeZone));
    },
  };
}
