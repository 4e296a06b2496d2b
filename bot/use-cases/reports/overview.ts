import { ForbiddenError } from '../../domain/errors.js';
import type { PlanFile, Unit } from '../../domain/plan/plan-schema.js';
import { isAsked, type Campaign, type Unreached } from '../../domain/reports/campaign.js';
import { signsFor, type Report } from '../../domain/reports/report.js';
import { toCsv } from '../../domain/reports/csv.js';
import type { Access } from '../access.js';
import { mayChange, mayRead } from './report-rules.js';
import type { ReportDeps } from './report-deps.js';
import { reportTexts, type ReportTexts } from '../../i18n/reports.js';

export interface UnitStatus {
  unitId: string;
  name: string;
  type: string;
  status: 'sendt' | 'utkast' | 'mangler';
  late: boolean;
  version: number;
  savedAt: string | null;
  /** Who saved the current version, by name. */
  savedByName: string | null;
  submittedAt: string | null;
  /** Whether the request went out to the unit (see `isAsked`): with no report, «not asked» or «not started». */
  asked: boolean;
}

export interface CampaignOverview {
  id: string;
  kind: Campaign['kind'];
  title: string;
  opens: string;
  deadline: string;
  responseRate: { submitted: number; expected: number; rate: number };
  byType: Record<string, { submitted: number; expected: number; rate: number }>;
  units: UnitStatus[];
  /** Half-year reports: each sign, how many units answered ja / delvis / nei. */
  signs: { signId: string; text: string; picture: string; ja: number; delvis: number; nei: number }[];
  /** Other requests: the answers per unit. */
  answers: { unitId: string; questionId: string; question: string; answer: string }[];
  /** Units (of those shown) no leader of which the request reached, and why (see `Unreached`). */
  unreached: { unitId: string; name: string; reason: Unreached['reason']; leaders: readonly string[] }[];
}

export interface Overview {
  campaigns: CampaignOverview[];
  /** Each sign across half-year periods, oldest first. */
  trend: {
    signId: string;
    text: string;
    periods: { campaignId: string; ja: number; delvis: number; nei: number }[];
  }[];
}

/** Units a caller may see: all for admins and coordinators, else the ones they lead. */
function visibleUnits(access: Access, plan: PlanFile): Unit[] {
  const all = access.roles.has('admin') || access.roles.has('koordinator');
  return plan.units.filter((u) => all || mayRead(access, u.id));
}

const rate = (submitted: number, expected: number) => ({
  submitted,
  expected,
  rate: expected === 0 ? 0 : Math.round((submitted / expected) * 1000) / 1000,
});

export async function reportOverview(deps: ReportDeps, access: Access, message: string): Promise<Overview> {
  const campaigns = await deps.campaigns.list();
  const out: CampaignOverview[] = [];
  let visibleAny = access.roles.has('admin') || access.roles.has('koordinator');
  for (const campaign of campaigns) {
    const plan = (await deps.read.plans.load(campaign.planKey))?.plan;
    if (!plan) continue;
    const units = visibleUnits(access, plan);
    if (units.length > 0) visibleAny = true;
    const reports = new Map((await deps.reports.list(campaign.id)).map((r) => [r.unitId, r]));
    out.push(campaignOverview(campaign, plan, units, reports));
  }
  if (!visibleAny) throw new ForbiddenError(message);
  const trend = new Map<string, Overview['trend'][number]>();
  for (const c of out.filter((c) => c.kind === 'halvår'))
    for (const s of c.signs) {
      const entry = trend.get(s.signId) ?? { signId: s.signId, text: s.text, periods: [] };
      entry.periods.push({ campaignId: c.id, ja: s.ja, delvis: s.delvis, nei: s.nei });
      trend.set(s.signId, entry);
    }
  return { campaigns: out, trend: [...trend.values()] };
}

function campaignOverview(
  campaign: Campaign,
  plan: PlanFile,
  units: Unit[],
  reports: Map<string, Report>,
): CampaignOverview {
  const statuses: UnitStatus[] = units.map((u) => {
    const r = reports.get(u.id);
    return {
      unitId: u.id,
      name: u.name,
      type: u.type,
      status: r ? r.status : 'mangler',
      late: r?.late ?? false,
      version: r?.version ?? 0,
      savedAt: r?.savedAt ?? null,
      savedByName: r?.savedByName ?? null,
      submittedAt: r?.submittedAt ?? null,
      asked: isAsked(campaign, u.id),
    };
  });
  const byType: CampaignOverview['byType'] = {};
  for (const type of new Set(units.map((u) => u.type))) {
    const of = statuses.filter((s) => s.type === type);
    byType[type] = rate(of.filter((s) => s.status === 'sendt').length, of.length);
  }
  const signs = new Map<string, CampaignOverview['signs'][number]>();
  const answers: CampaignOverview['answers'] = [];
  for (const unit of units) {
    const r = reports.get(unit.id);
    if (campaign.kind === 'forespørsel') {
      if (r?.status === 'sendt')
        for (const q of campaign.questions)
          answers.push({
            unitId: unit.id,
            questionId: q.id,
            question: q.text,
            answer: r.content.answers[q.id] ?? '',
          });
      continue;
    }
    for (const { picture, signs: list } of signsFor(plan, unit))
      for (const sign of list) {
        const entry = signs.get(sign.id) ?? {
          signId: sign.id,
          text: sign.text,
          picture: picture.title,
          ja: 0,
          delvis: 0,
          nei: 0,
        };
        const answer = r?.status === 'sendt' ? r.content.signs[sign.id]?.answer : undefined;
        if (answer) entry[answer] += 1;
        signs.set(sign.id, entry);
      }
  }
  return {
    id: campaign.id,
    kind: campaign.kind,
    // What people read: «Halvårsrapport høsten 2026», whatever an older campaign stored.
    title: campaign.kind === 'halvår' ? reportTexts('nb').halfYearTitle(campaign.id) : campaign.title,
    opens: campaign.opens,
    deadline: campaign.deadline,
    responseRate: rate(statuses.filter((s) => s.status === 'sendt').length, statuses.length),
    byType,
    units: statuses,
    signs: [...signs.values()],
    answers,
    unreached: (campaign.unreached ?? []).flatMap((u) => {
      const unit = units.find((x) => x.id === u.unitId);
      return unit ? [{ unitId: u.unitId, name: unit.name, reason: u.reason, leaders: u.leaders ?? [] }] : [];
    }),
  };
}

/** One unit's report and every version, for its leaders, admins and coordinators. */
export async function unitHistory(
  deps: ReportDeps,
  access: Access,
  campaignId: string,
  unitId: string,
  message: string,
): Promise<{ report: Report | null; history: Report[] }> {
  if (!mayRead(access, unitId)) throw new ForbiddenError(message);
  const report = (await deps.reports.get(campaignId, unitId)) ?? null;
  const history = await deps.reports.history(campaignId, unitId);
  // Drafts are the unit's own until submitted: coordinators see submitted versions only.
  if (mayChange(access, unitId)) return { report, history };
  return {
    report: report?.status === 'sendt' ? report : null,
    history: history.filter((r) => r.status === 'sendt'),
  };
}

/**
 * The overview as CSV: one row per campaign and unit, then one per sign count, then answers; the
 * headers in the caller's language. Status values stay the stored codes (`sendt`, `utkast`,
 * `mangler`), which a spreadsheet can filter on whatever the language.
 */
export function overviewCsv(overview: Overview, text: ReportTexts['csv']): string {
  const rows: (string | number)[][] = [text.units];
  for (const c of overview.campaigns)
    for (const u of c.units)
      rows.push([
        c.id,
        u.unitId,
        u.name,
        u.type,
        u.status,
        u.late ? text.yes : text.no,
        u.version,
        u.submittedAt ?? '',
      ]);
  rows.push([], text.signs);
  for (const c of overview.campaigns)
    for (const s of c.signs) rows.push([c.id, s.signId, s.text, s.picture, s.ja, s.delvis, s.nei]);
  rows.push([], text.answers);
  for (const c of overview.campaigns)
    for (const a of c.answers) rows.push([c.id, a.unitId, a.question, a.answer]);
  return toCsv(rows);
}
