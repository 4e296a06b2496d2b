import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { planFixture } from '../../tests/support/plan-fixture.js';
import type { PlanFile } from '../domain/plan/plan-schema.js';
import { validatePlan } from '../domain/plan/validate-plan.js';
import type { Campaign } from '../domain/reports/campaign.js';
import { halfYearSummary } from '../domain/reports/half-year-summary.js';
import { emptyContent, type Report } from '../domain/reports/report.js';
import { halfYearDocumentTexts } from '../i18n/half-year-document.js';
import { halfYearDocx } from './half-year-docx.js';

const campaign: Campaign = {
  id: '2026-H2',
  kind: 'halvår',
  title: '',
  planKey: 'p',
  opens: '2026-12-01',
  deadline: '2026-12-15',
  questions: [],
  openedBy: '',
  openedAt: '',
  requests: {},
};

const submitted = (unitId: string, signs: Record<string, 'ja' | 'delvis' | 'nei'>): Report => ({
  campaignId: campaign.id,
  unitId,
  status: 'sendt',
  version: 1,
  content: {
    ...emptyContent(),
    signs: Object.fromEntries(Object.entries(signs).map(([id, answer]) => [id, { answer, comment: '' }])),
  },
  savedBy: '',
  savedByName: '',
  savedAt: '2026-12-05T10:00:00Z',
  submittedAt: '2026-12-05T10:00:00Z',
});

/** The fixture plan with a second picture, and (when asked) the plan-level goals issue 16 adds. */
function plan(withGoals: boolean): PlanFile {
  const raw = planFixture();
  raw.futurePictures.push({
    id: 'laering',
    title: 'Læringsmiljø',
    appliesTo: ['skole'],
    signs: [{ id: 'laering-01', text: 'Alle blir sett.' }],
  });
  raw.themes.push({ id: 'tema-2', number: 2, title: 'Inkludering' });
  const checked = validatePlan(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const parsed = checked.plan;
  if (!withGoals) return parsed;
  // Goals on the plan, themes naming the goals they serve; pictures name no goal (the format has no such link).
  return {
    ...parsed,
    goals: [
      { id: 'mal-1', label: 'Mål 1', text: 'Rause og robuste unga', source: 'Oppvekstplan' },
      { id: 'mal-2', label: 'Mål 2', text: 'Et godt lærings- og oppvekstmiljø', source: 'Oppvekstplan' },
      { id: 'mal-3', label: 'Mål 3', text: 'Sammenheng i sektoren', source: 'Utviklingsplan' },
    ],
    themes: parsed.themes.map((t) => ({ ...t, servesGoals: t.id === 'tema-1' ? ['mal-1'] : ['mal-2'] })),
  };
}

async function headings(p: PlanFile) {
  const summary = halfYearSummary({
    plan: p,
    campaign,
    previous: undefined,
    reports: [submitted('leknes-skole', { 'ledelse-01': 'ja', 'laering-01': 'delvis' })],
    previousReports: [],
    localPlans: [],
    today: '2026-12-10',
  });
  const buffer = await halfYearDocx(summary, halfYearDocumentTexts('nb'), '2026-12-10');
  const { value } = await mammoth.convertToHtml({ buffer });
  return [...value.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map(
    (m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`,
  );
}

describe('the half-year document’s signs', () => {
  it('are grouped by the plan’s goals, each with its themes, when the plan has goals', async () => {
    const found = await headings(plan(true));
    const signs = found.slice(found.indexOf('h1 Mål og tegn på god praksis'), found.indexOf('h1 Enhetene'));
    expect(signs).toEqual([
      'h1 Mål og tegn på god praksis',
      // Grouped by the plan they come from; goals with no signs yet are one sentence, no heading.
      'h2 Mål i oppvekstplanen',
      'h2 Mål i utviklingsplanen',
      // The plan format links no picture to a goal: every picture's signs come after the goals.
      'h2 Tegn som ikke er knyttet til et mål',
      'h3 Ledelse',
      'h3 Læringsmiljø',
    ]);
  });

  it('are grouped by future picture when the plan has no goals', async () => {
    const found = await headings(plan(false));
    const signs = found.slice(found.indexOf('h1 Tegn på god praksis'), found.indexOf('h1 Enhetene'));
    expect(signs).toEqual(['h1 Tegn på god praksis', 'h2 Ledelse', 'h2 Læringsmiljø']);
  });

  it('names a goal’s themes and says when no sign is linked to it yet', () => {
    const summary = halfYearSummary({
      plan: plan(true),
      campaign,
      previous: undefined,
      reports: [],
      previousReports: [],
      localPlans: [],
      today: '2026-12-10',
    });
    expect(summary.groups.map((g) => [g.kind, g.themes.map((t) => t.title), g.pictures.length])).toEqual([
      ['goal', ['Ledelse'], 0],
      ['goal', ['Inkludering'], 0],
      ['goal', [], 0],
      ['unlinked', [], 2],
    ]);
  });
});
