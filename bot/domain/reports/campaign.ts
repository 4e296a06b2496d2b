/** What a campaign asks for: the half-year report, or another request with its own questions. */
export type CampaignKind = 'halvår' | 'forespørsel';

/** One question of another request (e.g. «meld inn administrator for spørreundersøkelsen»). */
export interface RequestQuestion {
  readonly id: string;
  readonly text: string;
  readonly required: boolean;
}

/** A report campaign: one report per unit, open from `opens` to `deadline` (local dates). */
export interface Campaign {
  /** `2026-H2` for a half-year report, a slug for another request. */
  readonly id: string;
  readonly kind: CampaignKind;
  readonly title: string;
  readonly planKey: string;
  readonly opens: string;
  readonly deadline: string;
  readonly questions: readonly RequestQuestion[];
  readonly openedBy: string;
  readonly openedAt: string;
  /** Outbox message ids of the request cards, per unit, so a submit can revise them all. */
  readonly requests: Readonly<Record<string, readonly string[]>>;
  /**
   * Units no leader of which the request reached when it was last sent, and why; for the units
   * still missing, as «Send påminnelse nå» last found them.
   */
  readonly unreached?: readonly Unreached[];
  /**
   * Closed by the kommunalsjef (ISO instant): no more submits, reminders or escalation, and
   * the cards say so. Unlike a passed deadline, which still takes late reports.
   */
  readonly closedAt?: string;
  readonly closedBy?: string;
  /** The last reminder sent at once from the tab («Send påminnelse nå»). */
  readonly lastReminder?: { readonly at: string; readonly byName: string; readonly units: number };
}

/**
 * Whether a campaign takes no more changes: closed by the kommunalsjef, or its deadline passed
 * (`today` a local date). A report not yet submitted may still come in late in the second case.
 */
export function isClosed(campaign: Pick<Campaign, 'closedAt' | 'deadline'>, today: string): boolean {
  return campaign.closedAt !== undefined || today > campaign.deadline;
}

/**
 * Whether a unit has been asked: its request card went out to a leader's chat or the unit's
 * channel. Until then its report is «not asked», not «not started» (nothing reached anyone who
 * could start it); every screen and file that names the state asks this.
 */
export function isAsked(campaign: Pick<Campaign, 'requests'>, unitId: string): boolean {
  return (campaign.requests[unitId]?.length ?? 0) > 0;
}

/**
 * Why a unit's request reached none of its leaders: no leader on record and no linked channel;
 * no leader on record (the channel got it, but nobody there answers for the unit); or leaders
 * on record (`leaders`, by name) none of whom has a personal chat with Planpuls, and no channel.
 */
export interface Unreached {
  readonly unitId: string;
  readonly reason: 'no-leader' | 'no-leader-channel' | 'no-chat';
  readonly leaders?: readonly string[];
}

export interface CampaignDefaults {
  /** Month-day the spring (H1) and autumn (H2) campaigns open; defaults 06-01 and 12-01. */
  readonly h1Opens: string;
  readonly h2Opens: string;
  /** Day of the opening month the report is due; default 15. */
  readonly deadlineDay: number;
  /** Days before the deadline when units that have not submitted are reminded; default 7 and 1. */
  readonly reminderDays: readonly number[];
}

export const DEFAULT_CAMPAIGNS: CampaignDefaults = {
  h1Opens: '06-01',
  h2Opens: '12-01',
  deadlineDay: 15,
  reminderDays: [7, 1],
};

const PERIOD = /^(\d{4})-H([12])$/;

export function isPeriod(id: string): boolean {
  return PERIOD.test(id);
}

/** Another request's id: a short name (a–z, 0–9, -). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Whether `id` can name a campaign at all: a half-year period or a short name. */
export function isCampaignId(id: string): boolean {
  return PERIOD.test(id) || SLUG.test(id);
}

/** Opening and deadline dates of a half-year period such as `2026-H2`. */
export function periodDates(
  period: string,
  defaults: CampaignDefaults = DEFAULT_CAMPAIGNS,
): { opens: string; deadline: string } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`ukjent periode ${period}`);
  const opens = `${match[1]}-${match[2] === '1' ? defaults.h1Opens : defaults.h2Opens}`;
  const deadline = `${opens.slice(0, 8)}${String(defaults.deadlineDay).padStart(2, '0')}`;
  return { opens, deadline };
}

/** The half-year period whose opening day is `today` (local date), if any: the schedule's trigger. */
export function periodOpeningOn(
  today: string,
  defaults: CampaignDefaults = DEFAULT_CAMPAIGNS,
): string | undefined {
  const year = today.slice(0, 4);
  for (const half of ['1', '2'] as const) {
    const period = `${year}-H${half}`;
    if (periodDates(period, defaults).opens === today) return period;
  }
  return undefined;
}

/** A local date plus or minus whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
