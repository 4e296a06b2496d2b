import { zonedInstant } from '../../domain/agenda/zoned-time.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { addDays, isClosed, periodDates, type Campaign } from '../../domain/reports/campaign.js';
import type { DueJob, DueJobHandler, DueJobs } from '../due-jobs.js';
import type { Occurrence, Recurring } from '../recurring.js';
import type { Access } from '../access.js';
import { openScheduledCampaign } from './campaigns.js';
import { escalateMissing, sendReportReminders } from './reminders.js';
import type { ReportDeps } from './report-deps.js';
import { reviseRequests } from './revise-requests.js';

/** Report jobs run at this local time. */
const RUN_TIME = '08:00';

/** The schedule acts as an admin (the campaign is the kommunalsjef's, opened on the plan's dates). */
const SCHEDULE: Access = {
  principal: { aadObjectId: 'planpuls-tidsplan', name: 'Planpuls' },
  person: undefined,
  roles: new Set(['admin']),
};

const at = (deps: ReportDeps, date: string) => zonedInstant(date, RUN_TIME, deps.read.timeZone);

/** The job that sends a campaign's requests on its opening day, when it was stored ahead of it. */
export async function scheduleCampaignOpening(
  deps: ReportDeps,
  jobs: DueJobs,
  campaign: Campaign,
): Promise<void> {
  await jobs.schedule({
    id: `rapport-send:${campaign.id}`,
    kind: 'rapport-send',
    dueAt: at(deps, campaign.opens),
    payload: { campaignId: campaign.id },
  });
}

/** Reminder jobs (by default 7 and 1 days before) and the escalation (the day after the deadline) of a campaign. */
export async function scheduleCampaignJobs(
  deps: ReportDeps,
  jobs: DueJobs,
  campaign: Campaign,
): Promise<void> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  for (const days of deps.defaults.reminderDays) {
    const day = addDays(campaign.deadline, -days);
    // Opened late (a server started inside the window): a reminder day already past is not sent
    // right after the request itself.
    if (day < today) continue;
    const dueAt = at(deps, day);
    await jobs.schedule({
      id: `rapport-paminnelse:${campaign.id}:${days}`,
      kind: 'rapport-paminnelse',
      dueAt,
      payload: { campaignId: campaign.id, days },
    });
  }
  await jobs.schedule({
    id: `rapport-eskalering:${campaign.id}`,
    kind: 'rapport-eskalering',
    dueAt: at(deps, addDays(campaign.deadline, 1)),
    payload: { campaignId: campaign.id },
  });
}

/** The half-year period after `period`: 2026-H2 → 2027-H1. */
export function periodAfter(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`;
}

/** The first half-year period whose deadline is today or later: the one open now, or the next to open. */
export function currentOrNextPeriod(today: string, defaults: ReportDeps['defaults']): string {
  const year = Number(today.slice(0, 4));
  return [`${year - 1}-H2`, `${year}-H1`, `${year}-H2`, `${year + 1}-H1`].find(
    (p) => periodDates(p, defaults).deadline >= today,
  )!;
}

/** The occurrence that opens `period` on its default day (at once, if that day has passed). */
const opening = (deps: ReportDeps, period: string): Occurrence => ({
  key: period,
  dueAt: at(deps, periodDates(period, deps.defaults).opens),
  payload: { period },
});

/**
 * Each half-year's campaign, opened on its default day. At start the pending occurrence is the
 * period due now or next: a server that starts inside a campaign's window (opened on the 1st, due
 * the 15th) that nobody has opened opens it at its next tick, not half a year later; the job's
 * fixed id keeps that to once across instances, and opening an open campaign again sends nothing
 * twice.
 */
export function halfYearOpening(deps: ReportDeps, jobs: DueJobs): Recurring {
  const byDate = async (now: Date) => {
    const period = currentOrNextPeriod(localDate(now, deps.read.timeZone), deps.defaults);
    const opened = (await deps.campaigns.get(period)) !== undefined;
    return opening(deps, opened ? periodAfter(period) : period);
  };
  return {
    kind: 'rapport-apne',
    first: byDate,
    async run(job, now) {
      const period = String(job.payload.period);
      // A job that runs after the period's deadline (the server was down all through the window)
      // opens nothing: a request already overdue helps nobody.
      if (periodDates(period, deps.defaults).deadline < localDate(now, deps.read.timeZone))
        return byDate(now);
      const campaign = await openScheduledCampaign(deps, period, SCHEDULE);
      if (campaign) await scheduleCampaignJobs(deps, jobs, campaign);
      // The next one after this period (not by date: inside this window that would be this one again).
      return opening(deps, periodAfter(period));
    },
  };
}

/** Handlers for the due-jobs runner, by kind (the opening is `halfYearOpening`'s). */
export function reportJobHandlers(deps: ReportDeps): Record<string, DueJobHandler> {
  const campaignOf = async (job: DueJob) => deps.campaigns.get(String(job.payload.campaignId));
  return {
    'rapport-paminnelse': async (job, now) => {
      const campaign = await campaignOf(job);
      const days = typeof job.payload.days === 'number' ? job.payload.days : undefined;
      if (campaign) await sendReportReminders(deps, campaign, now, days);
    },
    // After a submit: every posted request card of the unit becomes the latest summary.
    'rapport-revider': async (job, now) => {
      const campaign = await campaignOf(job);
      const unitId = String(job.payload.unitId);
      const plan = campaign && (await deps.read.plans.load(campaign.planKey))?.plan;
      const unit = plan?.units.find((u) => u.id === unitId);
      if (!campaign || !plan || !unit) return;
      const [report, localPlan] = await Promise.all([
        deps.reports.get(campaign.id, unitId),
        deps.localPlans.get(unitId),
      ]);
      const closed = isClosed(campaign, localDate(now, deps.read.timeZone));
      await reviseRequests(deps, { campaign, plan, unit, report, localPlan, closed });
    },
    // A campaign stored ahead of its opening day: its requests go out that morning.
    'rapport-send': async (job) => {
      const campaign = await campaignOf(job);
      if (campaign) await openScheduledCampaign(deps, campaign.id, SCHEDULE);
    },
    'rapport-eskalering': async (job, now) => {
      const campaign = await campaignOf(job);
      if (campaign) await escalateMissing(deps, campaign, now);
    },
  };
}
