import { localDate } from '../../domain/calendar/local-date.js';
import { NotFoundError } from '../../domain/errors.js';
import { problem } from '../../domain/problems.js';
import type { SignAnswer } from '../../domain/reports/report.js';
import type { ReportSummary } from '../../domain/status/unit-summaries.js';
import { currentAndPrevious } from '../../domain/status/unit-status.js';
import { currentPlan } from '../read-plan.js';
import type { StatusDeps } from './status-deps.js';

/** Each unit's submitted answers to the signs of good practice in one period and the one before. */
export interface SignMatrix {
  /** Half-year periods with a campaign, newest first (`2026-H2`, `2026-H1` …). */
  readonly periods: readonly string[];
  /** The period shown: the one asked for, else the current one; null while there is none. */
  readonly period: string | null;
  readonly previous: string | null;
  /** Units with a submitted report in either period: answers by sign id. */
  readonly units: readonly {
    readonly unitId: string;
    readonly answers: Readonly<Record<string, SignAnswer>>;
    readonly previous: Readonly<Record<string, SignAnswer>>;
  }[];
}

const answersOf = (report: ReportSummary | undefined): Readonly<Record<string, SignAnswer>> =>
  report?.status === 'sendt' ? report.answers : {};

/**
 * The sign matrix's answers. Only submitted reports count (a draft is the unit's own until it
 * is sent), and only the answers, not the comments: the matrix is the municipality's shared
 * picture of practice, shown to everyone who sees the Enheter view.
 */
export async function signMatrix(deps: StatusDeps, period: string | undefined): Promise<SignMatrix> {
  const stored = await currentPlan(deps.read);
  const campaigns = stored
    ? (await deps.campaigns.list()).filter((c) => c.planKey === stored.info.key && c.kind === 'halvår')
    : [];
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const sorted = [...campaigns].sort((a, b) => a.opens.localeCompare(b.opens));
  let chosen = currentAndPrevious(sorted, today);
  if (period) {
    const index = sorted.findIndex((c) => c.id === period);
    if (index < 0)
      throw new NotFoundError('PERIOD_UNKNOWN', { reasons: [problem('PERIOD_UNKNOWN', { period })] });
    chosen = { current: sorted[index], previous: index > 0 ? sorted[index - 1] : undefined };
  }
  const { current, previous } = chosen;
  const { reports } = await deps.summaries.units([current, previous].flatMap((c) => (c ? [c.id] : [])));
  const now = (current && reports.get(current.id)) || [];
  const then = (previous && reports.get(previous.id)) || [];
  const thenByUnit = new Map(then.map((r) => [r.unitId, r]));
  const unitIds = new Set([...now, ...then].filter((r) => r.status === 'sendt').map((r) => r.unitId));
  const nowByUnit = new Map(now.map((r) => [r.unitId, r]));
  return {
    periods: sorted.map((c) => c.id).reverse(),
    period: current?.id ?? null,
    previous: previous?.id ?? null,
    units: [...unitIds].map((unitId) => ({
      unitId,
      answers: answersOf(nowByUnit.get(unitId)),
      previous: answersOf(thenByUnit.get(unitId)),
    })),
  };
}
