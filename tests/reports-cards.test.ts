import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../bot/domain/plan/validate-plan.js';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import { emptyContent, signsFor, type Report } from '../bot/domain/reports/report.js';
import { MAX_COMMENT, MAX_TEXT } from '../bot/domain/reports/validate-report.js';
import { LOCAL_PLAN_LIMITS } from '../bot/domain/reports/local-plan.js';
import { reportTexts } from '../bot/i18n/reports.js';
import { reportRenderer } from '../bot/teams/reports/report-cards.js';
import { checkCard } from './support/adaptive-card.js';

const parsed = parsePlan(
  readFileSync(new URL('../data/plans/vestvagoy-2020-2021.yaml', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('demo plan invalid');
const plan = parsed.plan;
const campaign: Campaign = {
  id: '2026-H2',
  kind: 'halvår',
  title: '2026-H2',
  planKey: 'demo',
  opens: '2026-12-01',
  deadline: '2026-12-15',
  questions: [],
  openedBy: 'admin',
  openedAt: '2026-12-01T07:00:00Z',
  requests: {},
};

/** A report with every field at its maximum length: the largest card a unit can produce. */
function fullest(unitId: string): Report {
  const unit = plan.units.find((u) => u.id === unitId)!;
  const long = 'æ'.repeat(MAX_TEXT);
  const signs = Object.fromEntries(
    signsFor(plan, unit).flatMap(({ signs: list }) =>
      list.map((s) => [s.id, { answer: 'delvis' as const, comment: 'ø'.repeat(MAX_COMMENT) }]),
    ),
  );
  return {
    campaignId: campaign.id,
    unitId,
    status: 'utkast',
    version: 7,
    content: {
      ...emptyContent(),
      kartlegging: long,
      analyse: long,
      mal: long,
      tidsressurser: long,
      fritekst: long,
      actions: Array.from({ length: LOCAL_PLAN_LIMITS.actions }, (_, i) => ({
        id: `h${i + 1}`,
        text: 'å'.repeat(LOCAL_PLAN_LIMITS.actionText),
        deadline: '2027-01-01',
        status: 'pågår' as const,
        responsible: 'ø'.repeat(LOCAL_PLAN_LIMITS.responsible),
      })),
      signs,
    },
    savedBy: 'x',
    savedByName: 'Rektor',
    savedAt: '2026-12-02T10:00:00Z',
  };
}

describe('report cards for the demo plan', () => {
  const render = reportRenderer(reportTexts('nb'), (iso) => iso ?? '');
  const types = [...new Set(plan.units.map((u) => u.type))];

  it.each(types)(
    'the form and summary for a %s parse without problems and stay under 80 KB when full',
    (type) => {
      const unit = plan.units.find((u) => u.type === type)!;
      const report = fullest(unit.id);
      for (const mode of ['form', 'summary'] as const) {
        const card = render.card({
          campaign,
          plan,
          unit,
          report: { ...report, status: mode === 'form' ? 'utkast' : 'sendt' },
          closed: false,
          mode,
        } as never);
        const { problems, bytes } = checkCard(card);
        expect(problems).toEqual([]);
        expect(bytes).toBeLessThan(80 * 1024);
        expect(JSON.stringify(card)).not.toContain('${');
      }
    },
  );

  it('renders the English texts too', () => {
    const unit = plan.units[0]!;
    const card = reportRenderer(reportTexts('en'), (iso) => iso ?? '').card({
      campaign,
      plan,
      unit,
      report: undefined,
      closed: false,
    });
    expect(JSON.stringify(card)).toContain('Half-year report autumn 2026');
    expect(checkCard(card).problems).toEqual([]);
  });
});
