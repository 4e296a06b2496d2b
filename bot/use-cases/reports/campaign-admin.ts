import { localDate } from '../../domain/calendar/local-date.js';
import {
  isAsked,
  isCampaignId,
  isClosed,
  type Campaign,
  type Unreached,
} from '../../domain/reports/campaign.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import type { ReportTexts } from '../../i18n/reports.js';
import type { Access } from '../access.js';
import { conflict, forbidden, invalidInput, notFound, refuse } from '../refusals.js';
import {
  campaignToOpen,
  checkYears,
  unitRecipients,
  unreachedLines,
  type OpenCampaignInput,
} from './campaigns.js';
import { missingUnits, remindUnit } from './reminders.js';
import { reviseRequests } from './report-actions.js';
import type { ReportDeps } from './report-deps.js';
import { scheduleCampaignJobs } from './report-schedule.js';

/**
 * The kommunalsjef running a campaign from the tab: a preview before sending, a reminder now, a
 * new deadline, closing it, and its progress. Opening and sending stay `openCampaign`'s; this
 * is one more client of the same recipient rule, reminders and card revisions.
 */

const today = (deps: ReportDeps) => localDate(deps.read.clock.now(), deps.read.timeZone);

function requireAdmin(access: Access): void {
  if (!access.roles.has('admin')) throw refuse(forbidden, 'CAMPAIGN_ADMIN_ONLY');
}

/** Where one unit's request would go, as the preview lists it. */
export interface PreviewUnit {
  unitId: string;
  name: string;
  type: string;
  /** Each leader by name and where she gets it: her personal chat, or @mentioned in the unit's channel. */
  leaders: { name: string; where: 'personal' | 'channel' | 'none' }[];
  /** The unit's channel gets the request (for leaders without a chat, or a unit without a leader). */
  channel: boolean;
  /** Why nobody who answers for the unit gets it, in words; none when someone does. */
  unreached?: string;
}

export interface CampaignPreview {
  campaign: Pick<Campaign, 'id' | 'kind' | 'title' | 'opens' | 'deadline' | 'questions'>;
  units: PreviewUnit[];
  reached: number;
  total: number;
}

/**
 * Who a new campaign would reach and where, without sending anything: the same checks as
 * opening it, and the same recipient rule as sending it (`unitRecipients`). A campaign that
 * exists already is refused: the tab follows it instead.
 */
export async function previewCampaign(
  deps: ReportDeps,
  access: Access,
  input: OpenCampaignInput,
  text: ReportTexts,
): Promise<CampaignPreview> {
  requireAdmin(access);
  const { campaign, plan, existing } = await campaignToOpen(deps, access, input, '');
  if (existing) throw refuse(conflict, 'CAMPAIGN_EXISTS', { id: campaign.id, title: campaign.title });
  const units: PreviewUnit[] = [];
  for (const unit of plan.units) {
    const r = await unitRecipients(deps, unit.id);
    const withoutChat = new Set(r.withoutChat.map((l) => l.aadObjectId));
    const channel = r.channels.length > 0;
    const [reason] = r.missed ? unreachedLines([r.missed], plan, text) : [];
    units.push({
      unitId: unit.id,
      name: unit.name,
      type: unit.type,
      leaders: r.leaders.map((l) => ({
        name: l.name ?? l.aadObjectId,
        where: !withoutChat.has(l.aadObjectId) ? 'personal' : channel ? 'channel' : 'none',
      })),
      channel,
      ...(reason ? { unreached: reason.reason } : {}),
    });
  }
  const { id, kind, title, opens, deadline, questions } = campaign;
  const reached = units.filter((u) => !u.unreached).length;
  return { campaign: { id, kind, title, opens, deadline, questions }, units, reached, total: units.length };
}

/** The campaign and its plan, for a change by the kommunalsjef: known, and (unless `closedOk`) open. */
async function campaignFor(
  deps: ReportDeps,
  access: Access,
  id: string,
  closedOk = false,
): Promise<{ campaign: Campaign; plan: PlanFile }> {
  requireAdmin(access);
  const campaign = isCampaignId(id) ? await deps.campaigns.get(id) : undefined;
  const plan = campaign && (await deps.read.plans.load(campaign.planKey))?.plan;
  if (!campaign || !plan) throw refuse(notFound, 'CAMPAIGN_UNKNOWN', { id });
  if (campaign.closedAt && !closedOk) throw refuse(conflict, 'CAMPAIGN_CLOSED');
  return { campaign, plan };
}

async function save(deps: ReportDeps, campaign: Campaign): Promise<void> {
  await deps.campaigns.save(campaign);
  deps.cache?.forget(campaign.id);
}

/**
 * Every posted request card of the campaign shows it as it is now (a new deadline, closed):
 * by a due job per unit off the request, as a submit does, else at once.
 */
async function reviseAll(deps: ReportDeps, campaign: Campaign, plan: PlanFile): Promise<void> {
  const now = deps.read.clock.now();
  const closed = isClosed(campaign, localDate(now, deps.read.timeZone));
  for (const unit of plan.units) {
    if ((campaign.requests[unit.id] ?? []).length === 0) continue;
    if (deps.jobs) {
      await deps.jobs.schedule({
        id: `@rapport-revider/${campaign.id}:${unit.id}`,
        kind: 'rapport-revider',
        dueAt: now,
        payload: { campaignId: campaign.id, unitId: unit.id },
      });
      continue;
    }
    const [report, localPlan] = await Promise.all([
      deps.reports.get(campaign.id, unit.id),
      deps.localPlans.get(unit.id),
    ]);
    await reviseRequests(deps, { campaign, plan, unit, report, localPlan, closed }, now);
  }
}

/** The reminder and escalation jobs `scheduleCampaignJobs` made for a campaign. */
async function cancelCampaignJobs(deps: ReportDeps, campaign: Campaign): Promise<void> {
  if (!deps.jobs) return;
  for (const days of deps.defaults.reminderDays)
    await deps.jobs.cancel(`rapport-paminnelse:${campaign.id}:${days}`);
  await deps.jobs.cancel(`rapport-eskalering:${campaign.id}`);
}

export interface RemindResult {
  /** Units reminded now. */
  reminded: number;
  /** Units reminded from the tab earlier today already (a second press sends nothing twice). */
  already: number;
  /**
   * Units not submitted that nobody who answers for them can be reached for, by the request's own
   * rule (`unitRecipients`): the units the progress lists under «kan ikke nås» from now on.
   */
  unreachable: number;
  campaign: Campaign;
}

/**
 * The campaign's record of who cannot be reached, with the units still missing as they are now:
 * `found` replaces what was recorded for them when the requests went out (a leader may have got a
 * chat since, a channel been unlinked); submitted units keep theirs. In the plan's order.
 */
function withUnreached(
  campaign: Campaign,
  plan: PlanFile,
  missing: readonly string[],
  found: readonly Unreached[],
): Campaign['unreached'] {
  const checked = new Set(missing);
  const byUnit = new Map(
    (campaign.unreached ?? []).filter((u) => !checked.has(u.unitId)).map((u) => [u.unitId, u]),
  );
  for (const u of found) byUnit.set(u.unitId, u);
  const order = new Map(plan.units.map((u, i) => [u.id, i]));
  return [...byUnit.values()].sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
}

/**
 * «Send påminnelse nå»: the leaders of every unit that has not submitted get the reminder card,
 * as the scheduled reminders send it. One per unit and day: a double press, or a second admin
 * the same day, sends nothing more. Who cannot be reached is decided by the rule the request was
 * sent by, and stored with the campaign at once, so the confirmation and the progress's list of
 * units that cannot be reached name the same units (the list read the record from the day the
 * requests went out, and disagreed with the count until something rewrote it).
 */
export async function remindNow(deps: ReportDeps, access: Access, id: string): Promise<RemindResult> {
  const { campaign, plan } = await campaignFor(deps, access, id);
  const day = today(deps);
  const left = Math.round((Date.parse(campaign.deadline) - Date.parse(day)) / 86_400_000);
  let [reminded, already] = [0, 0];
  const { missing } = await missingUnits(deps, campaign);
  const found: Unreached[] = [];
  for (const unit of missing) {
    const { missed } = await unitRecipients(deps, unit.id);
    const messageId = `rapport-paminnelse-${campaign.id}-${unit.id}-manuell-${day}`;
    // Still posted where it can be (a unit without a leader has its channel); counted as the request counts it.
    const result = await remindUnit(deps, campaign, plan, unit, left, messageId);
    if (missed) found.push(missed);
    else if (result.created > 0) reminded += 1;
    else if (result.reached) already += 1;
  }
  const unreached = withUnreached(
    campaign,
    plan,
    missing.map((u) => u.id),
    found,
  );
  const byName = access.person?.name ?? access.principal.name ?? access.principal.aadObjectId;
  const changed = JSON.stringify(unreached) !== JSON.stringify(campaign.unreached ?? []);
  const saved: Campaign =
    reminded > 0 || changed
      ? {
          ...campaign,
          unreached,
          ...(reminded > 0
            ? { lastReminder: { at: deps.read.clock.now().toISOString(), byName, units: reminded } }
            : {}),
        }
      : campaign;
  if (saved !== campaign) await save(deps, saved);
  return { reminded, already, unreachable: found.length, campaign: saved };
}

/**
 * A new deadline: stored, the reminder and escalation jobs moved with it, and every posted card
 * revised so its recipients read the new date. Not before today or the opening day; the same
 * date again changes nothing.
 */
export async function moveDeadline(
  deps: ReportDeps,
  access: Access,
  id: string,
  deadline: string,
): Promise<{ campaign: Campaign; changed: boolean }> {
  const { campaign, plan } = await campaignFor(deps, access, id);
  if (campaign.deadline === deadline) return { campaign, changed: false };
  const day = today(deps);
  if (deadline < day) throw refuse(invalidInput, 'CAMPAIGN_DEADLINE_PAST', { today: day });
  if (deadline < campaign.opens)
    throw refuse(invalidInput, 'FIELD_ORDER', {
      first: { kind: 'input', name: 'opens' },
      second: { kind: 'input', name: 'deadline' },
    });
  checkYears(deps, [deadline]);
  const moved: Campaign = { ...campaign, deadline };
  await save(deps, moved);
  if (deps.jobs) {
    // A reminder day now past would otherwise still fire on its old date.
    await cancelCampaignJobs(deps, campaign);
    await scheduleCampaignJobs(deps, deps.jobs, moved);
  }
  await reviseAll(deps, moved, plan);
  return { campaign: moved, changed: true };
}

/**
 * Closes a campaign: no more submits, reminders or escalation, and every card says it closed.
 * Closing a closed campaign again changes nothing.
 */
export async function closeCampaign(
  deps: ReportDeps,
  access: Access,
  id: string,
): Promise<{ campaign: Campaign; changed: boolean }> {
  const { campaign, plan } = await campaignFor(deps, access, id, true);
  if (campaign.closedAt) return { campaign, changed: false };
  const closed: Campaign = {
    ...campaign,
    closedAt: deps.read.clock.now().toISOString(),
    closedBy: access.person?.name ?? access.principal.name ?? access.principal.aadObjectId,
  };
  await save(deps, closed);
  await cancelCampaignJobs(deps, closed);
  await reviseAll(deps, closed, plan);
  return { campaign: closed, changed: true };
}

/** One unit in a campaign's progress. */
export interface ProgressUnit {
  unitId: string;
  name: string;
  type: string;
  status: 'sendt' | 'utkast' | 'mangler';
  /** Whether the request went out to the unit (`isAsked`): with no report, «not asked» or «not started». */
  asked: boolean;
  /** The report's version (0: none): a draft saved again changes it, so the tab knows to re-read its figures. */
  version: number;
  late: boolean;
  submittedAt: string | null;
  savedByName: string | null;
  /** The unit's request cards by delivery: posted, waiting (or retrying), given up. */
  cards: { sent: number; queued: number; failed: number };
  /**
   * Why nobody who answers for the unit can be reached, in words; only while its report is
   * missing (what a reminder or a call can still move), as «Send påminnelse nå» counts them.
   */
  unreached?: string;
}

export interface CampaignProgress {
  campaign: Pick<
    Campaign,
    'id' | 'kind' | 'title' | 'opens' | 'deadline' | 'closedAt' | 'closedBy' | 'lastReminder' | 'questions'
  >;
  /** Past the deadline, or closed. */
  closed: boolean;
  totals: {
    units: number;
    sendt: number;
    utkast: number;
    mangler: number;
    late: number;
    cards: { sent: number; queued: number; failed: number };
  };
  units: ProgressUnit[];
}

/**
 * Where a campaign stands, for the tab to poll: each unit's report status and how its request
 * cards fared in the delivery engine (outbox), and who could not be reached and why.
 */
export async function campaignProgress(
  deps: ReportDeps,
  access: Access,
  id: string,
  text: ReportTexts,
): Promise<CampaignProgress> {
  const { campaign, plan } = await campaignFor(deps, access, id, true);
  const reports = new Map((await deps.reports.list(campaign.id)).map((r) => [r.unitId, r]));
  const reasons = new Map(
    unreachedLines(campaign.unreached ?? [], plan, text).map((u) => [u.unitId, u.reason]),
  );
  // Every request card's deliveries in one read: a poll every five seconds at 800 units.
  const delivered = await deps.outbox.deliveriesOfMany(Object.values(campaign.requests).flat());
  const units = await Promise.all(
    plan.units.map(async (unit): Promise<ProgressUnit> => {
      const cards = { sent: 0, queued: 0, failed: 0 };
      for (const messageId of campaign.requests[unit.id] ?? [])
        for (const d of delivered.get(messageId) ?? []) {
          if (d.state === 'sent') cards.sent += 1;
          else if (d.state === 'queued') cards.queued += 1;
          else if (d.state === 'failed' || d.state === 'not-installed') cards.failed += 1;
        }
      const r = reports.get(unit.id);
      const reason = r?.status === 'sendt' ? undefined : reasons.get(unit.id);
      return {
        unitId: unit.id,
        name: unit.name,
        type: unit.type,
        status: r?.status ?? 'mangler',
        asked: isAsked(campaign, unit.id),
        version: r?.version ?? 0,
        late: r?.late ?? false,
        submittedAt: r?.submittedAt ?? null,
        savedByName: r?.savedByName ?? null,
        cards,
        ...(reason ? { unreached: reason } : {}),
      };
    }),
  );
  const count = (s: ProgressUnit['status']) => units.filter((u) => u.status === s).length;
  const sum = (k: 'sent' | 'queued' | 'failed') => units.reduce((n, u) => n + u.cards[k], 0);
  const { kind, title, opens, deadline, closedAt, closedBy, lastReminder, questions } = campaign;
  return {
    campaign: {
      id: campaign.id,
      kind,
      title,
      opens,
      deadline,
      questions,
      ...(closedAt ? { closedAt } : {}),
      ...(closedBy ? { closedBy } : {}),
      ...(lastReminder ? { lastReminder } : {}),
    },
    closed: isClosed(campaign, today(deps)),
    totals: {
      units: units.length,
      sendt: count('sendt'),
      utkast: count('utkast'),
      mangler: count('mangler'),
      late: units.filter((u) => u.late).length,
      cards: { sent: sum('sent'), queued: sum('queued'), failed: sum('failed') },
    },
    units,
  };
}
