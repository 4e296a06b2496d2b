import { unitTypes, type PlanFile, type Unit } from '../plan/plan-schema.js';
import { countActions, type ActionCounts } from '../status/unit-status.js';
import { isAsked, type Campaign, type Unreached } from './campaign.js';
import type { LocalPlan, LocalPlanAction } from './local-plan.js';
import { planGoals, pictureGoalIds, themeGoalIds } from './plan-goals.js';
import { ANSWERS, signsFor, type Report, type SignAnswer } from './report.js';

/** How many units answered a sign ja / delvis / nei (units that did not submit count in none). */
export type Tally = Record<SignAnswer, number>;

/** One sign, per unit type it applies to: this period's answers and the previous period's. */
export interface SignSummary {
  readonly signId: string;
  readonly text: string;
  readonly byType: readonly { type: string; now: Tally; before: Tally | null }[];
}

/** A goal (with its themes) or, when the plan has no goals, a future picture; its signs by picture. */
export interface SignGroup {
  readonly kind: 'goal' | 'picture' | 'unlinked';
  readonly title: string;
  /** A goal's source plan, its number within it and its own text (goals only). */
  readonly goal?: { readonly source: string; readonly number: number; readonly text: string };
  readonly themes: readonly { number: number; title: string }[];
  readonly pictures: readonly { title: string; signs: readonly SignSummary[] }[];
}

/** One unit's part of the document: its state, its actions, and what it wrote itself. */
export interface UnitSection {
  readonly unitId: string;
  readonly name: string;
  readonly type: string;
  readonly status: 'sendt' | 'utkast' | 'mangler';
  readonly submittedAt: string | null;
  readonly late: boolean;
  /** Where the actions come from: the submitted report's snapshot, or the local plan as it is now. */
  readonly actionsFrom: 'report' | 'local-plan' | 'none';
  readonly actions: ActionCounts;
  readonly overdue: readonly LocalPlanAction[];
  /** The other actions (not overdue), by deadline: what the unit is doing, not only how many. */
  readonly others: readonly LocalPlanAction[];
  /** The submitted report's own texts; drafts stay the unit's until submitted, so none then. */
  readonly texts: {
    kartlegging: string;
    analyse: string;
    mal: string;
    tidsressurser: string;
    fritekst: string;
  } | null;
  readonly comments: readonly { sign: string; answer: SignAnswer | ''; comment: string }[];
}

export interface HalfYearSummary {
  readonly plan: Pick<PlanFile, 'title' | 'municipality' | 'sector' | 'schoolYear'>;
  readonly campaign: Pick<Campaign, 'id' | 'kind' | 'opens' | 'deadline'>;
  readonly previousCampaignId: string | null;
  /** The date overdue is measured on: today, or the deadline once it has passed. */
  readonly asOf: string;
  readonly responseRate: { submitted: number; expected: number };
  readonly byType: readonly { type: string; submitted: number; expected: number }[];
  /** Units that have not submitted, by name; with why the request did not reach them, if so. */
  readonly missing: readonly {
    name: string;
    type: string;
    /** A draft saved; asked, nothing saved; or never asked (`isAsked`: no request reached the unit). */
    status: 'utkast' | 'mangler' | 'ikke-spurt';
    unreached?: Unreached;
  }[];
  readonly groupedBy: 'goal' | 'picture';
  /** Every sign's answers added up, this period and the previous one (null without one). */
  readonly totals: { now: Tally; before: Tally | null };
  readonly groups: readonly SignGroup[];
  readonly units: readonly UnitSection[];
  /** The plan's goals and themes, so an action's `serves` can be named («Tjener i planen»). */
  readonly served: Pick<PlanFile, 'goals' | 'themes'>;
}

export interface HalfYearInput {
  readonly plan: PlanFile;
  readonly campaign: Campaign;
  readonly previous: Campaign | undefined;
  readonly reports: readonly Report[];
  readonly previousReports: readonly Report[];
  readonly localPlans: readonly LocalPlan[];
  /** The plan clock's local date. */
  readonly today: string;
}

const zero = (): Tally => ({ ja: 0, delvis: 0, nei: 0 });
const isOverdue = (a: LocalPlanAction, asOf: string) =>
  a.status !== 'fullført' && !!a.deadline && a.deadline < asOf;
const byUnit = <T extends { unitId: string }>(list: readonly T[]) => new Map(list.map((x) => [x.unitId, x]));
const submitted = (reports: readonly Report[]) => byUnit(reports.filter((r) => r.status === 'sendt'));
const typeOrder = (type: string) => (unitTypes as readonly string[]).indexOf(type);

/**
 * Everything the half-year document says, from the plan, the campaign's reports and the previous
 * half-year's: a pure function, so the document's numbers are tested without storage or Word.
 */
export function halfYearSummary(input: HalfYearInput): HalfYearSummary {
  const { plan, campaign, today } = input;
  const units = [...plan.units].sort(
    (a, b) => typeOrder(a.type) - typeOrder(b.type) || a.name.localeCompare(b.name, 'nb'),
  );
  const now = submitted(input.reports);
  const all = byUnit(input.reports);
  const then = input.previous ? submitted(input.previousReports) : undefined;
  const types = [...new Set(units.map((u) => u.type))];
  const unreached = new Map((campaign.unreached ?? []).map((u) => [u.unitId, u]));
  const locals = byUnit(input.localPlans.filter((p) => p.version > 0));
  const asOf = today < campaign.deadline ? today : campaign.deadline;

  return {
    plan: {
      title: plan.title,
      municipality: plan.municipality,
      sector: plan.sector,
      schoolYear: plan.schoolYear,
    },
    campaign: { id: campaign.id, kind: campaign.kind, opens: campaign.opens, deadline: campaign.deadline },
    previousCampaignId: input.previous?.id ?? null,
    asOf,
    responseRate: { submitted: units.filter((u) => now.has(u.id)).length, expected: units.length },
    byType: types.map((type) => {
      const of = units.filter((u) => u.type === type);
      return { type, submitted: of.filter((u) => now.has(u.id)).length, expected: of.length };
    }),
    missing: units
      .filter((u) => !now.has(u.id))
      .map((u) => ({
        name: u.name,
        type: u.type,
        status: all.has(u.id)
          ? ('utkast' as const)
          : isAsked(campaign, u.id)
            ? ('mangler' as const)
            : ('ikke-spurt' as const),
        ...(unreached.has(u.id) ? { unreached: unreached.get(u.id)! } : {}),
      })),
    ...signGroups(plan, units, now, then),
    units: units.map((unit) => unitSection(plan, unit, all.get(unit.id), locals.get(unit.id), asOf)),
    served: { goals: plan.goals ?? [], themes: plan.themes },
  };
}

/** Signs by goal when the plan has goals (pictures linked to none after them), else by picture. */
function signGroups(
  plan: PlanFile,
  units: readonly Unit[],
  now: Map<string, Report>,
  then: Map<string, Report> | undefined,
): Pick<HalfYearSummary, 'groupedBy' | 'groups' | 'totals'> {
  const pictures = plan.futurePictures.map((picture) => {
    const applies = units.filter((u) => picture.appliesTo.includes(u.type));
    const types = [...new Set(applies.map((u) => u.type))];
    return {
      title: picture.title,
      picture,
      signs: picture.signs.map((sign): SignSummary => {
        const tally = (reports: Map<string, Report>, type: string) => {
          const counts = zero();
          for (const unit of applies)
            if (unit.type === type) {
              const answer = reports.get(unit.id)?.content.signs[sign.id]?.answer;
              if (answer) counts[answer] += 1;
            }
          return counts;
        };
        return {
          signId: sign.id,
          text: sign.text,
          byType: types.map((type) => ({
            type,
            now: tally(now, type),
            before: then ? tally(then, type) : null,
          })),
        };
      }),
    };
  });
  const totals = { now: zero(), before: then ? zero() : null };
  for (const p of pictures)
    for (const sign of p.signs)
      for (const row of sign.byType)
        for (const answer of ANSWERS) {
          totals.now[answer] += row.now[answer];
          if (totals.before && row.before) totals.before[answer] += row.before[answer];
        }
  const goals = planGoals(plan);
  if (goals.length === 0)
    return {
      totals,
      groupedBy: 'picture',
      groups: pictures.map((p) => ({ kind: 'picture', title: p.title, themes: [], pictures: [p] })),
    };
  const linked = pictures.map((p) => ({ ...p, goals: pictureGoalIds(p.picture, plan, goals) }));
  const groups: SignGroup[] = goals.map((goal) => ({
    kind: 'goal',
    title: goal.text,
    goal: { source: goal.source, number: goal.number, text: goal.goalText },
    themes: plan.themes
      .filter((t) => themeGoalIds(t, goals).includes(goal.id))
      .map((t) => ({ number: t.number, title: t.title })),
    pictures: linked.filter((p) => p.goals.includes(goal.id)),
  }));
  const unlinked = linked.filter((p) => p.goals.length === 0);
  if (unlinked.length > 0) groups.push({ kind: 'unlinked', title: '', themes: [], pictures: unlinked });
  return { totals, groupedBy: 'goal', groups };
}

function unitSection(
  plan: PlanFile,
  unit: Unit,
  report: Report | undefined,
  local: LocalPlan | undefined,
  asOf: string,
): UnitSection {
  const sent = report?.status === 'sendt' ? report : undefined;
  const actions = sent?.content.actions ?? local?.actions ?? [];
  const signText = new Map(signsFor(plan, unit).flatMap((p) => p.signs.map((s) => [s.id, s.text])));
  return {
    unitId: unit.id,
    name: unit.name,
    type: unit.type,
    status: report?.status ?? 'mangler',
    submittedAt: sent ? (sent.submittedAt ?? sent.savedAt) : null,
    late: !!sent?.late,
    actionsFrom: sent ? 'report' : local ? 'local-plan' : 'none',
    actions: countActions(actions, asOf),
    overdue: actions.filter((a) => isOverdue(a, asOf)),
    others: actions
      .filter((a) => !isOverdue(a, asOf))
      .sort((a, b) => (a.deadline || '9999').localeCompare(b.deadline || '9999')),
    texts: sent
      ? {
          kartlegging: sent.content.kartlegging,
          analyse: sent.content.analyse,
          mal: sent.content.mal,
          tidsressurser: sent.content.tidsressurser,
          fritekst: sent.content.fritekst,
        }
      : null,
    comments: sent
      ? [...signText].flatMap(([id, sign]) => {
          const given = sent.content.signs[id];
          return given?.comment ? [{ sign, answer: given.answer, comment: given.comment }] : [];
        })
      : [],
  };
}
