import { zonedInstant } from '../../domain/agenda/zoned-time.js';
import { localDate } from '../../domain/calendar/local-date.js';
import { addDays, periodDates, type Campaign } from '../../domain/reports/campaign.js';
import type { DueJob, DueJobHandler, DueJobs } from '../due-jobs.js';
import type { Access } from '../access.js';
import { openScheduledCampaign } from './campaigns.js';
import { escalateMissing, sendReportReminders } from './reminders.js';
import type { ReportDeps } from './report-deps.js';
import { reviseRequests } from './report-actions.js';

/** Report jobs run at this local time. */
const RUN_TIME = '08:00';

/** The schedule acts as an admin (the campaign is the kommunalsjef's, opened on the plan's dates). */
const SCHEDULE: Access = {
  principal: { aadObjectId: 'planpuls-tidsplan', name: 'Planpuls' },
  person: undefined,
  roles: new Set(['admin']),
};

const at = (deps: ReportDeps, date: string) => zonedInstant(date, RUN_TIME, deps.read.timeZone);

/** Reminder jobs (by default 7 and 1 days before) and the escalation (the day after the deadline) of a campaign. */
export async function scheduleCampaignJobs(
  deps: ReportDeps,
  jobs: DueJobs,
  campaign: Campaign,
): Promise<void> {
  for (const days of deps.defaults.reminderDays)
    await jobs.schedule({
      id: `rapport-paminnelse:${campaign.id}:${days}`,
      kind: 'rapport-paminnelse',
      dueAt: at(deps, addDays(campaign.deadline, -days)),
      payload: { campaignId: campaign.id, days },
    });
  await jobs.schedule({
    id: `rapport-eskalering:${campaign.id}`,
    kind: 'rapport-eskalering',
    dueAt: at(deps, addDays(campaign.deadline, 1)),
    payload: { campaignId: campaign.id },
  });
}

/** The job that opens the next half-year campaign on its default day (1 June / 1 December). */
export async function scheduleNextOpening(deps: ReportDeps, jobs: DueJobs, now: Date): Promise<void> {
  const today = localDate(now, deps.read.timeZone);
  const year = Number(today.slice(0, 4));
  const next = [`${year}-H1`, `${year}-H2`, `${year + 1}-H1`].find(
    (p) => periodDates(p, deps.defaults).opens >= today,
  )!;
  await jobs.schedule({
    id: `rapport-apne:${next}`,
    kind: 'rapport-apne',
    dueAt: at(deps, periodDates(next, deps.defaults).opens),
    payload: { period: next },
  });
}

/** Handlers for the due-jobs runner, by kind. */
export function reportJobHandlers(deps: ReportDeps, jobs: DueJobs): Record<string, DueJobHandler> {
  const campaignOf = async (job: DueJob) => deps.campaigns.get(String(job.payload.campaignId));
  return {
    'rapport-apne': async (job, now) => {
      const campaign = await openScheduledCampaign(deps, String(job.payload.period), SCHEDULE);
      if (campaign) await scheduleCampaignJobs(deps, jobs, campaign);
      await scheduleNextOpening(deps, jobs, new Date(now.getTime() + 86_400_000));
    },
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
      const closed = localDate(now, deps.read.timeZone) > campaign.deadline;
      await reviseRequests(deps, { campaign, plan, unit, report, localPlan, closed });
    },
    'rapport-eskalering': async (job, now) => {
      const campaign = await campaignOf(job);
      if (campaign) await escalateMissing(deps, campaign, now);
    },
  };
}

/** Once per process: make sure the next opening is scheduled (the tick calls this). */
export function ensureReportSchedule(deps: ReportDeps, jobs: DueJobs): (now: Date) => Promise<void> {
  let done = false;
  return async (now) => {
    if (done) return;
    await scheduleNextOpening(deps, jobs, now);
    done = true;
  };
}
