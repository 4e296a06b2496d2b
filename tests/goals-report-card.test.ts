import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../bot/domain/plan/validate-plan.js';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import { LOCAL_PLAN_LIMITS } from '../bot/domain/reports/local-plan.js';
import { contentFromInput, emptyContent, signsFor, type Report } from '../bot/domain/reports/report.js';
import { MAX_COMMENT, MAX_TEXT } from '../bot/domain/reports/validate-report.js';
import { reportTexts } from '../bot/i18n/reports.js';
import { reportRenderer } from '../bot/teams/reports/report-cards.js';
import { checkCard } from './support/adaptive-card.js';

const parsed = parsePlan(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8'));
if (!parsed.ok) throw new Error('demo plan invalid');
const plan = parsed.plan;
const unit = plan.units.find((u) => u.id === 'leknes-skole')!;
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
type Input = {
  type: string;
  id?: string;
  label?: string;
  value?: string;
  choices?: { title: string; value: string }[];
};

/** Every input of a card, however deep. */
function inputs(node: unknown, out: Input[] = []): Input[] {
  if (Array.isArray(node)) node.forEach((n) => inputs(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.')) out.push(record as Input);
    Object.values(record).forEach((v) => inputs(v, out));
  }
  return out;
}

describe('the half-year report card links actions to the plan', () => {
  const render = reportRenderer(reportTexts('nb'), () => '2. desember 2026 kl. 10:00');
  const report: Report = {
    campaignId: campaign.id,
    unitId: unit.id,
    status: 'utkast',
    version: 1,
    content: {
      ...emptyContent(),
      actions: [
        {
          id: 'h1',
          text: 'Klassemøter',
          deadline: '2027-01-15',
          status: 'pågår',
          serves: 'goal:oppvekst-mal-3',
        },
      ],
    },
    savedBy: 'x',
    savedByName: 'Rita Rektor',
    savedAt: '2026-12-02T10:00:00Z',
  };

  it('offers the plan’s goals and themes for each action, in Norwegian, with the action’s own choice chosen', () => {
    const card = render.card({ campaign, plan, unit, report, closed: false, editor: true });
    expect(checkCard(card).problems).toEqual([]);
    const serves = inputs(card).filter((i) => i.id?.startsWith('handlingMal_'));
    expect(serves.length).toBeGreaterThan(1);
    expect(serves[0]).toMatchObject({
      label: 'Hva handlingen tjener i planen: mål eller tema (valgfritt)',
      value: 'goal:oppvekst-mal-3',
    });
    const titles = serves[0]!.choices!.map((c) => c.title);
    expect(titles[0]).toBe('Ikke valgt');
    expect(titles).toContain('Mål 1: Barn og unge i Vestvågøy får god omsorg i familien');
    expect(titles).toContain('Tema 2: Inkluderende barnehage- og skolemiljø');
    expect(
      titles.some((t) => t.startsWith('Mål 1 (Utviklingsplan Utdanning/Oppvekst 2020–2021): Barnehagenes')),
    ).toBe(true);
  });

  it('keeps the link in the report’s content from the card’s inputs, and drops a goal the plan does not have', () => {
    const content = contentFromInput(
      {
        handlingIds: ['h1', '', ''],
        handling_1: 'Klassemøter',
        handlingFrist_1: '2027-01-15',
        handlingStatus_1: 'pågår',
        handlingMal_1: 'theme:tema-2-ibsm',
        handling_2: 'Noe annet',
        handlingFrist_2: '2027-02-01',
        handlingStatus_2: 'ikke-startet',
        handlingMal_2: 'goal:finnes-ikke',
      },
      plan,
      unit,
      campaign,
    );
    expect(content.actions.map((a) => a.serves)).toEqual(['theme:tema-2-ibsm', undefined]);
  });

  it('names what each action serves in the submitted report’s summary', () => {
    const card = render.card({
      campaign,
      plan,
      unit,
      report: { ...report, status: 'sendt' },
      closed: false,
      editor: true,
    });
    expect(JSON.stringify(card)).toContain(
      'tjener Mål 3: Barn og unge i Vestvågøy blir spurt, hørt og tatt på alvor',
    );
  });

  it('offers the choice on fewer rows when a full form would pass the size limit, and keeps the other rows’ links', () => {
    const long = 'æ'.repeat(MAX_TEXT);
    const full: Report = {
      ...report,
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
          serves: 'goal:oppvekst-mal-2' as const,
        })),
        signs: Object.fromEntries(
          signsFor(plan, unit).flatMap(({ signs: list }) =>
            list.map((s) => [s.id, { answer: 'delvis' as const, comment: 'ø'.repeat(MAX_COMMENT) }]),
          ),
        ),
      },
    };
    const card = render.card({ campaign, plan, unit, report: full, closed: false, editor: true });
    expect(checkCard(card).bytes).toBeLessThan(80 * 1024);
    const offered = inputs(card).filter((i) => i.id?.startsWith('handlingMal_')).length;
    expect(offered).toBeLessThan(LOCAL_PLAN_LIMITS.actions);
    const submit = JSON.stringify(card).match(/"handlingMalUt":(\[[^\]]*\])/);
    const kept = JSON.parse(submit![1]!) as string[];
    expect(kept.slice(offered).every((v) => v === 'goal:oppvekst-mal-2')).toBe(true);
    // The form sent back: the inputs of the rows offered, and the card's own data for the rest.
    const data: Record<string, unknown> = {
      handlingIds: full.content.actions.map((a) => a.id),
      handlingMalUt: kept,
    };
    full.content.actions.forEach((a, i) => {
      data[`handling_${i + 1}`] = a.text;
      data[`handlingFrist_${i + 1}`] = a.deadline;
      data[`handlingStatus_${i + 1}`] = a.status;
      if (i < offered) data[`handlingMal_${i + 1}`] = 'theme:tema-3-lp';
    });
    const content = contentFromInput(data, plan, unit, campaign);
    expect(content.actions.map((a) => a.serves)).toEqual(
      full.content.actions.map((_, i) => (i < offered ? 'theme:tema-3-lp' : 'goal:oppvekst-mal-2')),
    );
  });
});
