import { localDate } from '../../domain/calendar/local-date.js';
import type { Person } from '../../domain/people/person.js';
import type { Campaign } from '../../domain/reports/campaign.js';
import type { ReportSummary } from '../../domain/status/unit-summaries.js';
import {
  campaignStateOf,
  countActions,
  currentAndPrevious,
  latestSigns,
  reachabilityOf,
  type ActionCounts,
  type Reachability,
  type UnitCampaignState,
  type UnitSigns,
} from '../../domain/status/unit-status.js';
import type { Access } from '../access.js';
import { currentPlan } from '../read-plan.js';
import type { StatusDeps } from './status-deps.js';
import { visibleUnits } from './visible-units.js';

/** One unit's status, as the overview shows it. */
export interface UnitStatusRow {
  readonly unitId: string;
  readonly name: string;
  readonly type: string;
  /** Its leaders by name (the id when the people list has no name). */
  readonly leaders: readonly string[];
  /** The caller leads it. */
  readonly mine: boolean;
  /** The local plan's last save, or null when it was never saved. */
  readonly localPlan: { savedAt: string; savedBy: string; version: number } | null;
  readonly actions: ActionCounts;
  /** The current campaign's state for the unit; null when there is no half-year campaign. */
  readonly campaign: UnitCampaignState | null;
  /** Signs from its latest submitted half-year report (current or previous period), if any. */
  readonly signs: UnitSigns | null;
  readonly reach: Reachability;
}

export interface StatusOverview {
  /** The plan clock's date in the municipality's time zone (what "overdue" is measured on). */
  readonly today: string;
  readonly campaign: Pick<Campaign, 'id' | 'kind' | 'title' | 'opens' | 'deadline'> | null;
  readonly previousCampaignId: string | null;
  /** The caller's own units first, then by name. */
  readonly units: readonly UnitStatusRow[];
}

const pick = (c: Campaign) => ({
  id: c.id,
  kind: c.kind,
  title: c.title,
  opens: c.opens,
  deadline: c.deadline,
});

/**
 * Every unit the caller may see, with its leaders, local plan, actions, current campaign state,
 * signs and reachability. Each source is read once for all units: no per-unit storage calls.
 */
export async function unitStatusOverview(deps: StatusDeps, access: Access): Promise<StatusOverview> {
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const stored = await currentPlan(deps.read);
  if (!stored) return { today, campaign: null, previousCampaignId: null, units: [] };
  const { plan } = stored;
  const units = visibleUnits(access, plan);
  const [people, installations, links, campaigns] = await Promise.all([
    deps.access.people.leaders(),
    deps.registry.list(),
    deps.links.all(),
    deps.campaigns.list(),
  ]);
  const { current, previous } = currentAndPrevious(
    campaigns.filter((c) => c.planKey === stored.info.key),
    today,
  );
  const ids = [current, previous].flatMap((c) => (c ? [c.id] : []));
  const summaries = await deps.summaries.units(ids);
  const localPlans = summaries.localPlans;
  const byUnit = (reports: readonly ReportSummary[] | undefined) =>
    new Map((reports ?? []).map((r) => [r.unitId, r]));
  const nowReports = byUnit(current && summaries.reports.get(current.id));
  const thenReports = byUnit(previous && summaries.reports.get(previous.id));

  const active = new Map(
    installations.filter((i) => i.status === 'active').map((i) => [i.conversationId, i]),
  );
  const chats = new Set(
    [...active.values()].flatMap((i) =>
      i.kind === 'personal' && i.userAadObjectId ? [i.userAadObjectId] : [],
    ),
  );
  const channels = new Set(
    links.filter((l) => l.target.kind === 'unit' && active.has(l.conversationId)).map((l) => l.target.id),
  );
  const leadersOf = new Map<string, Person[]>();
  for (const person of people)
    for (const unitId of person.leads) leadersOf.set(unitId, [...(leadersOf.get(unitId) ?? []), person]);
  // Local plans are saved by their leaders (or an admin, whose name the plan keeps).
  const names = new Map(people.map((p) => [p.aadObjectId, p.name]));
  const plans = new Map(localPlans.map((p) => [p.unitId, p]));
  const mine = new Set(access.person?.leads ?? []);

  const rows = units.map((unit): UnitStatusRow => {
    const leaders = leadersOf.get(unit.id) ?? [];
    const local = plans.get(unit.id);
    const report = nowReports.get(unit.id);
    return {
      unitId: unit.id,
      name: unit.name,
      type: unit.type,
      leaders: leaders.map((l) => l.name ?? l.aadObjectId),
      mine: mine.has(unit.id),
      localPlan:
        local && local.version > 0
          ? {
              savedAt: local.savedAt,
              // A leader's name as the people list has it now; else the one saved with the plan.
              savedBy: names.get(local.savedBy.toLowerCase()) ?? local.savedByName,
              version: local.version,
            }
          : null,
      actions: countActions(local?.actions ?? [], today),
      campaign: current ? campaignStateOf(current, unit.id, report, today) : null,
      signs: latestSigns(plan, unit, [report, thenReports.get(unit.id)]),
      reach: reachabilityOf(leaders, (id) => chats.has(id.toLowerCase()), channels.has(unit.id)),
    };
  });
  rows.sort((a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name, 'nb'));
  return {
    today,
    campaign: current ? pick(current) : null,
    previousCampaignId: previous?.id ?? null,
    units: rows,
  };
}
