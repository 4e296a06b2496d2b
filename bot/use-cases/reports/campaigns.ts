import { localDate } from '../../domain/calendar/local-date.js';
import { conflict, invalidInput, notFound, refuse } from '../refusals.js';
import type { Person } from '../../domain/people/person.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import {
  isPeriod,
  periodDates,
  type Campaign,
  type RequestQuestion,
  type Unreached,
  isCampaignId,
  isClosed,
} from '../../domain/reports/campaign.js';
import { reportTexts, type ReportTexts } from '../../i18n/reports.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { requireRole, type Access } from '../access.js';
import { currentPlan } from '../read-plan.js';
import {
  languageOf,
  leadersOf,
  personalChatsOf,
  rendererIn,
  unitChannels,
  type ReportDeps,
} from './report-deps.js';

/** A campaign to open, as the edge read it (real dates, texts within their limits). */
export interface OpenCampaignInput {
  /** `2026-H2`, or a slug for another request. */
  readonly id: string;
  readonly title?: string;
  /** Local dates, `YYYY-MM-DD`; a half year has its own by default. */
  readonly opens?: string;
  readonly deadline?: string;
  /** For another request: the questions. */
  readonly questions?: readonly { readonly text: string; readonly required?: boolean }[];
}

/** The years a campaign may be for, around this year: last year's late reports to five ahead. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 5;
export const MAX_QUESTIONS = 20;

/** What opening (or re-sending) a campaign did: cards queued, and the units it could not reach. */
export interface SendResult {
  campaign: Campaign;
  /** Cards newly queued (a repeat queues only what was not sent before). */
  sent: number;
  /** Units whose request reached at least one of their leaders (in a personal chat, or @mentioned in the unit's channel). */
  reached: number;
  total: number;
  unreached: readonly Unreached[];
  /** The plan the campaign was sent for (unit names). */
  plan: PlanFile;
  /** Opens on a later day: stored, nothing sent; the requests go out that morning. */
  scheduledFor?: string;
}

/** Whether a stored campaign's requests have gone out (sending records every unit, reached or not). */
export const requestsSent = (campaign: Campaign) => Object.keys(campaign.requests).length > 0;

/** Opening an already open campaign again sends only what was not sent (new leaders, new chats). */
export async function openCampaign(
  deps: ReportDeps,
  access: Access,
  input: OpenCampaignInput,
  message: string,
): Promise<SendResult> {
  const { campaign, plan } = await campaignToOpen(deps, access, input, message);
  // Not before its day: stored now, sent by the `rapport-send` job (or the half-year opening) then.
  if (campaign.opens > today(deps) && !requestsSent(campaign)) {
    await deps.campaigns.save(campaign);
    deps.cache?.forget(campaign.id);
    return {
      campaign,
      sent: 0,
      reached: 0,
      total: plan.units.length,
      unreached: [],
      plan,
      scheduledFor: campaign.opens,
    };
  }
  return sendRequests(deps, campaign, plan);
}

/**
 * The campaign `input` opens, checked (admin, dates, questions), as sending would store it; an
 * existing one as it is. A closed campaign is not sent again.
 */
export async function campaignToOpen(
  deps: ReportDeps,
  access: Access,
  input: OpenCampaignInput,
  message: string,
): Promise<{ campaign: Campaign; plan: PlanFile; existing: boolean }> {
  requireRole(access, ['admin'], message);
  const stored = await currentPlan(deps.read);
  if (!stored) throw refuse(notFound, 'PLAN_NOT_IMPORTED');
  const id = input.id.trim();
  const halfYear = isPeriod(id);
  if (!isCampaignId(id)) throw refuse(invalidInput, 'CAMPAIGN_ID_INVALID');
  const dates = halfYear ? periodDates(id, deps.defaults) : undefined;
  const opens = input.opens ?? dates?.opens ?? today(deps);
  const deadline = input.deadline ?? dates?.deadline;
  if (!deadline) throw refuse(invalidInput, 'FIELD_REQUIRED', { field: { kind: 'input', name: 'deadline' } });
  checkYears(deps, [opens, deadline, ...(halfYear ? [id] : [])]);
  if (deadline < opens)
    throw refuse(invalidInput, 'FIELD_ORDER', {
      first: { kind: 'input', name: 'opens' },
      second: { kind: 'input', name: 'deadline' },
    });
  const questions = halfYear ? [] : parseQuestions(input.questions ?? []);
  const existing = await deps.campaigns.get(id);
  if (existing?.closedAt) throw refuse(conflict, 'CAMPAIGN_CLOSED');
  const campaign: Campaign = existing ?? {
    id,
    kind: halfYear ? 'halvår' : 'forespørsel',
    title: input.title?.trim() ? input.title.trim() : halfYear ? reportTexts('nb').halfYearTitle(id) : id,
    planKey: stored.info.key,
    opens,
    deadline,
    questions,
    openedBy: access.principal.aadObjectId,
    openedAt: deps.read.clock.now().toISOString(),
    requests: {},
  };
  return { campaign, plan: stored.plan, existing: existing !== undefined };
}

/** `9999-H2` and a deadline in 2090 are typing errors, not plans. */
export function checkYears(deps: ReportDeps, dates: readonly string[]): void {
  const thisYear = Number(today(deps).slice(0, 4));
  const [min, max] = [thisYear - YEARS_BACK, thisYear + YEARS_AHEAD];
  for (const year of new Set(dates.map((d) => Number(d.slice(0, 4)))))
    if (year < min || year > max) throw refuse(invalidInput, 'CAMPAIGN_YEAR', { year, min, max });
}

/** A request's questions, numbered; their texts' limits are the edge's (report-routes.ts). */
function parseQuestions(value: NonNullable<OpenCampaignInput['questions']>): RequestQuestion[] {
  if (value.length === 0 || value.length > MAX_QUESTIONS)
    throw refuse(invalidInput, 'CAMPAIGN_QUESTIONS', { min: 1, max: MAX_QUESTIONS });
  return value.map((q, i) => ({ id: `q${i + 1}`, text: q.text.trim(), required: q.required !== false }));
}

const today = (deps: ReportDeps) => localDate(deps.read.clock.now(), deps.read.timeZone);

/** Message id of a request card: one per campaign, unit and leader (or the unit's channels). */
export function requestMessageId(campaignId: string, unitId: string, leader?: string): string {
  return `rapport-${campaignId}-${unitId}-${leader ?? 'kanal'}`;
}

/**
 * Sends each unit's request to its leaders' personal chats; where a leader has none (or the unit
 * has no leader on record), the unit's linked channels get it, with an @mention of those leaders.
 * Deterministic message ids make a repeat harmless.
 */
export async function sendRequests(
  deps: ReportDeps,
  campaign: Campaign,
  plan: PlanFile,
): Promise<SendResult> {
  const requests: Record<string, string[]> = {};
  const unreached: Unreached[] = [];
  let sent = 0;
  for (const unit of plan.units) {
    const result = await sendUnitRequest(deps, campaign, plan, unit);
    sent += result.sent;
    if (result.missed) unreached.push(result.missed);
    requests[unit.id] = result.ids;
  }
  const saved = { ...campaign, requests, unreached };
  await deps.campaigns.save(saved);
  deps.cache?.forget(saved.id);
  const total = plan.units.length;
  // A channel with no leader on record to answer in it does not count as reaching the unit.
  const reached = total - unreached.length;
  return { campaign: saved, sent, reached, total, unreached, plan };
}

/**
 * A leader's personal chat has just been recorded (the app installed for her): every campaign
 * open now sends her the requests of the units she leads that she has not had, and no longer
 * counts those units as unreached. Returns how many cards were queued.
 */
export async function sendOpenRequestsTo(deps: ReportDeps, aadObjectId: string): Promise<number> {
  const person = await deps.access.people.get(aadObjectId.toLowerCase());
  if (!person || person.leads.length === 0) return 0;
  const stored = await currentPlan(deps.read);
  if (!stored) return 0;
  const day = today(deps);
  const open = (await deps.campaigns.list()).filter(
    (c) => c.planKey === stored.info.key && c.opens <= day && !isClosed(c, day),
  );
  let sent = 0;
  for (const campaign of open) {
    const requests = { ...campaign.requests };
    let unreached = [...(campaign.unreached ?? [])];
    for (const unit of stored.plan.units.filter((u) => person.leads.includes(u.id))) {
      const result = await sendUnitRequest(deps, campaign, stored.plan, unit);
      sent += result.sent;
      requests[unit.id] = result.ids;
      unreached = unreached.filter((u) => u.unitId !== unit.id);
      if (result.missed) unreached.push(result.missed);
    }
    await deps.campaigns.save({ ...campaign, requests, unreached });
    deps.cache?.forget(campaign.id);
  }
  return sent;
}

/**
 * Where a unit's request goes: each leader's personal chats; the unit's linked channels when a
 * leader has none (or the unit has no leader on record), with those leaders @mentioned; and why
 * it reaches none of them, if so. Sending and the tab's preview both ask this.
 */
export interface UnitRecipients {
  readonly leaders: readonly Person[];
  /** Each leader with her active personal chats (none: she is reached in the channel, if at all). */
  readonly direct: readonly (readonly [Person, ConversationRef[]])[];
  readonly withoutChat: readonly Person[];
  /** The unit's active linked channels, asked only when someone is to be reached there. */
  readonly channels: readonly ConversationRef[];
  readonly missed: Unreached | undefined;
}

export async function unitRecipients(deps: ReportDeps, unitId: string): Promise<UnitRecipients> {
  const leaders = await leadersOf(deps, unitId);
  const direct: [Person, ConversationRef[]][] = [];
  for (const leader of leaders)
    direct.push([leader, await personalChatsOf(deps.registry, leader.aadObjectId)]);
  const withoutChat = direct.filter(([, chats]) => chats.length === 0).map(([leader]) => leader);
  const channels = withoutChat.length > 0 || leaders.length === 0 ? await unitChannels(deps, unitId) : [];
  const missed = unreachedReason(unitId, leaders, withoutChat, channels.length > 0);
  return { leaders, direct, withoutChat, channels, missed };
}

/** One unit's request: to each leader's personal chat, else (or also) the unit's channel. */
async function sendUnitRequest(
  deps: ReportDeps,
  campaign: Campaign,
  plan: PlanFile,
  unit: PlanFile['units'][number],
): Promise<{ sent: number; ids: string[]; missed: Unreached | undefined }> {
  let sent = 0;
  const { direct, withoutChat, channels, missed } = await unitRecipients(deps, unit.id);
  const [report, localPlan] = await Promise.all([
    deps.reports.get(campaign.id, unit.id),
    deps.localPlans.get(unit.id),
  ]);
  const view = { campaign, plan, unit, report, localPlan, closed: false };
  const ids: string[] = [];
  for (const [leader, chats] of direct) {
    if (chats.length === 0) continue;
    const id = requestMessageId(campaign.id, unit.id, leader.aadObjectId);
    // Her own chat: in her language. The unit's channel below is everyone's, so Norwegian.
    const activity = rendererIn(deps, await languageOf(deps, leader.aadObjectId)).request(view);
    sent += (await deps.outbox.enqueue({ id, activity, kind: 'rapport' }, chats)).created;
    ids.push(id);
  }
  if (channels.length > 0) {
    const id = requestMessageId(campaign.id, unit.id);
    const activity = deps.render.request(view, { leaders: withoutChat, text: '' });
    sent += (await deps.outbox.enqueue({ id, activity, kind: 'rapport' }, channels)).created;
    ids.push(id);
  }
  return { sent, ids: [...new Set([...(campaign.requests[unit.id] ?? []), ...ids])], missed };
}

/** Why no leader of a unit got its request, if none did. */
function unreachedReason(
  unitId: string,
  leaders: readonly Person[],
  withoutChat: readonly Person[],
  hasChannel: boolean,
): Unreached | undefined {
  if (leaders.length === 0) return { unitId, reason: hasChannel ? 'no-leader-channel' : 'no-leader' };
  if (withoutChat.length === leaders.length && !hasChannel)
    return { unitId, reason: 'no-chat', leaders: leaders.map((l) => l.name ?? l.aadObjectId) };
  return undefined;
}

/** Each unreached unit by name, with why, in words: «Gravdal skole: ingen leder registrert, …». */
export function unreachedLines(
  unreached: readonly Unreached[],
  plan: Pick<PlanFile, 'units'>,
  text: ReportTexts,
): { unitId: string; name: string; reason: string }[] {
  const names = new Map(plan.units.map((u) => [u.id, u.name]));
  return unreached.map((u) => ({
    unitId: u.unitId,
    name: names.get(u.unitId) ?? u.unitId,
    reason:
      u.reason === 'no-leader'
        ? text.unreachedNoLeader
        : u.reason === 'no-leader-channel'
          ? text.unreachedNoLeaderChannel
          : text.unreachedNoChat(listNames(u.leaders ?? [], text.and)),
  }));
}

/** «A», «A og B», «A, B og C». */
function listNames(names: readonly string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/** Opens the half-year campaign whose default opening day is today, if any (a daily job calls it). */
export async function openScheduledCampaign(
  deps: ReportDeps,
  period: string | undefined,
  systemAccess: Access,
): Promise<Campaign | undefined> {
  if (!period) return undefined;
  const existing = await deps.campaigns.get(period);
  // Stored ahead of its day by the kommunalsjef: its day has come.
  if (existing && !existing.closedAt && !requestsSent(existing)) {
    const plan = (await deps.read.plans.load(existing.planKey))?.plan;
    return plan ? (await sendRequests(deps, existing, plan)).campaign : undefined;
  }
  if (existing) return undefined;
  return (await openCampaign(deps, systemAccess, { id: period }, '')).campaign;
}
