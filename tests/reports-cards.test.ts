import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown): void;
    getAllInputs(): { id: string; isRequired: boolean; errorMessage?: string; label?: string }[];
  };
};

/** The inputs as the `adaptivecards` library reads them: id → required, error message, label. */
function inputsOf(card: unknown) {
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card);
  return new Map(parsed.getAllInputs().map((i) => [i.id, i]));
}

describe('required inputs and a refused save’s reasons on the report form', () => {
  const render = reportRenderer(reportTexts('nb'), (iso) => iso ?? '');
  const unit = plan.units.find((u) => u.type === 'skole')!;
  const submitted: Report = {
    ...fullest(unit.id),
    status: 'sendt',
    content: {
      ...fullest(unit.id).content,
      actions: [{ id: 'h1', text: 'Flere voksne ute', deadline: '2027-03-01', status: 'pågår' }],
    },
  };

  it('the «Endre» form marks every required input, with a label and a Norwegian error, so Teams checks it', () => {
    const card = render.card({
      campaign,
      plan,
      unit,
      report: submitted,
      closed: false,
      mode: 'form',
    } as never);
    expect(checkCard(card).problems).toEqual([]);
    const inputs = inputsOf(card);
    for (const [id, label] of [
      ['kartlegging', 'Kartlegging'],
      ['analyse', 'Analyse'],
      ['mal', 'Mål'],
      ['tidsressurser', 'Tidsressurser til utviklingsarbeid'],
      ['handlingFrist_1', 'Frist for handling 1'],
      ['handlingStatus_1', 'Status for handling 1'],
    ])
      expect(inputs.get(id!)).toMatchObject({ isRequired: true, label, errorMessage: `Fyll ut «${label}».` });
    const sign = signsFor(plan, unit)[0]!.signs[0]!;
    expect(inputs.get(`tegn_${sign.id}`)).toMatchObject({
      isRequired: true,
      label: sign.text,
      errorMessage: 'Velg ja, delvis eller nei.',
    });
    // Optional fields, and the blank row for a new action (its deadline is needed only with a text).
    for (const id of ['fritekst', 'handling_1', 'handlingFrist_2', 'handlingAnsvarlig_1'])
      expect(inputs.get(id)?.isRequired).toBe(false);
    expect(JSON.stringify(card)).toContain('Felt merket * må fylles ut før du sender inn.');
    // A new row's deadline cannot be marked (it is needed only with a text), so the form says so.
    expect(JSON.stringify(card)).toContain('En handling med tekst må ha frist og status.');
    // «Avbryt» leaves the form without sending (or checking) anything.
    const cancel = (card.actions as any[]).find((a) => a.verb === 'rapport-avbryt');
    expect(cancel).toMatchObject({ title: 'Avbryt', associatedInputs: 'none' });
  });

  it('the first form marks required labels with * but lets «Lagre utkast» keep an incomplete draft', () => {
    const card = render.card({ campaign, plan, unit, report: undefined, closed: false });
    const inputs = inputsOf(card);
    expect(inputs.get('kartlegging')).toMatchObject({ isRequired: false, label: 'Kartlegging *' });
    expect(inputs.get('fritekst')).toMatchObject({ label: 'Fritekst (valgfritt)' });
    expect((card.actions as any[]).map((a) => a.verb)).toEqual(['rapport-lagre', 'rapport-send']);
  });

  it('marks a request’s required questions and leaves the optional ones unmarked', () => {
    const request: Campaign = {
      ...campaign,
      id: 'sporreundersokelse',
      kind: 'forespørsel',
      title: 'Spørreundersøkelsen',
      questions: [
        { id: 'q1', text: 'Hvem er administrator?', required: true },
        { id: 'q2', text: 'Merknad', required: false },
      ],
    };
    const report = { ...submitted, content: { ...emptyContent(), answers: { q1: 'Rita' } } };
    const card = render.card({ campaign: request, plan, unit, report, closed: false, mode: 'form' } as never);
    expect(checkCard(card).problems).toEqual([]);
    const inputs = inputsOf(card);
    expect(inputs.get('svar_q1')).toMatchObject({
      isRequired: true,
      errorMessage: 'Fyll ut «Hvem er administrator?».',
    });
    expect(inputs.get('svar_q2')).toMatchObject({ isRequired: false, label: 'Merknad' });
  });

  it('shows a refused save’s reasons next to «Send inn» at the bottom as well as at the top', () => {
    const reason = 'Ikke lagret: «Frist for handling 2» må fylles ut.';
    const card = render.card({
      campaign,
      plan,
      unit,
      report: submitted,
      closed: false,
      mode: 'form',
      notice: { text: reason, tone: 'attention' },
    } as never);
    const body = card.body as any[];
    expect(body.slice(0, 4).some((b) => b.text === reason)).toBe(true);
    expect(body.at(-1)).toMatchObject({ type: 'TextBlock', text: reason, color: 'Attention', wrap: true });
    const { problems, bytes } = checkCard(card);
    expect(problems).toEqual([]);
    expect(bytes).toBeLessThan(80 * 1024);
  });
});

/** Every TextBlock of a card, in reading order. */
function textBlocks(node: unknown): { text: string; wrap?: boolean; weight?: string }[] {
  if (Array.isArray(node)) return node.flatMap(textBlocks);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'TextBlock' ? [element as { text: string; wrap?: boolean }] : [];
  return [...own, ...textBlocks(element.body), ...textBlocks(element.items)];
}

describe('the summary a leader and the channel read', () => {
  const render = reportRenderer(reportTexts('nb'), () => '2. desember 2026 kl. 10:00');
  const unit = plan.units.find((u) => u.type === 'skole')!;
  const groups = signsFor(plan, unit);
  const first = groups[0]!.signs[0]!;
  const report: Report = {
    ...fullest(unit.id),
    status: 'sendt',
    content: {
      ...emptyContent(),
      kartlegging: 'Elevundersøkelsen i høst.',
      analyse: 'Mobbing skjer mest i friminuttene.',
      mal: 'Alle elever er trygge.',
      tidsressurser: 'To timer i uka.',
      fritekst: '',
      actions: [{ id: 'h1', text: 'Flere voksne ute', deadline: '2027-03-01', status: 'pågår' }],
      signs: { [first.id]: { answer: 'delvis', comment: 'Ikke alle dager.' } },
    },
  };
  const card = render.card({ campaign, plan, unit, report, closed: false, editor: true });
  const blocks = textBlocks(card);
  const texts = blocks.map((b) => b.text);

  it('stacks each sign’s text over its answer, under its future picture’s heading, all wrapping', () => {
    expect(checkCard(card).problems).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('FactSet');
    expect(blocks.every((b) => b.wrap)).toBe(true);
    for (const { picture } of groups) expect(texts).toContain(picture.title);
    const at = texts.indexOf(first.text);
    expect(texts.slice(at, at + 3)).toEqual([first.text, 'Delvis', 'Ikke alle dager.']);
    expect(texts.indexOf(groups[0]!.picture.title)).toBeLessThan(at);
  });

  it('gives the deadline in words with its weekday and leaves out what is empty', () => {
    expect(texts).toContain('frist mandag 1. mars 2027 · Pågår');
    expect(texts.join('\n')).not.toMatch(/Fritekst|2027-03-01|valgfritt/);
    expect((card.actions as any[]).map((a) => a.verb)).toEqual(['rapport-endre']);
  });
});
