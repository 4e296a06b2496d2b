import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validatePlan } from '../domain/plan/validate-plan.js';
import type { Campaign } from '../domain/reports/campaign.js';
import { halfYearSummary } from '../domain/reports/half-year-summary.js';
import { emptyContent, signsFor, type Report } from '../domain/reports/report.js';
import { halfYearDocumentTexts } from '../i18n/half-year-document.js';
import { halfYearDocx } from './half-year-docx.js';

// The demo plan (Vestvågøy) as a kommunalsjef hands its autumn report to the oppvekstutvalg: five
// units answered this autumn, three in the spring, one unit was not reached in Teams.
const raw = parse(
  readFileSync(new URL('../../data/plans/vestvagoy-2020-2021.yaml', import.meta.url), 'utf8'),
);
const checked = validatePlan({ ...raw, schoolYear: '2026-2027' });
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const plan = checked.plan;

const round = (id: string, opens: string, deadline: string): Campaign => ({
  id,
  kind: 'halvår',
  title: id,
  planKey: 'p',
  opens,
  deadline,
  questions: [],
  openedBy: '',
  openedAt: '',
  requests: {},
});
const ANSWERS = ['ja', 'delvis', 'nei'] as const;
function report(campaignId: string, unitId: string, k: number): Report {
  const unit = plan.units.find((u) => u.id === unitId)!;
  const signs = signsFor(plan, unit).flatMap((p) => p.signs);
  const at = `${campaignId === '2026-H2' ? '2026-12-08' : '2026-06-10'}T10:00:00Z`;
  return {
    campaignId,
    unitId,
    status: 'sendt',
    version: 1,
    content: {
      ...emptyContent(),
      signs: Object.fromEntries(signs.map((s, i) => [s.id, { answer: ANSWERS[(i + k) % 3]!, comment: '' }])),
      actions: [
        {
          id: 'h1',
          text: 'Lesekurs for alle lærerne',
          deadline: '2026-11-02',
          status: 'pågår',
          responsible: 'Rektor',
          serves: 'goal:oppvekst-mal-2',
        },
        { id: 'h2', text: 'Foreldremøte om trivsel', deadline: '2026-10-01', status: 'fullført' },
        {
          id: 'h3',
          text: 'Ny plan for overganger',
          deadline: '2027-03-01',
          status: 'ikke-startet',
          responsible: 'Inspektør',
          serves: 'theme:tema-1-lederutvikling',
        },
      ],
    },
    savedBy: '',
    savedByName: '',
    savedAt: at,
    submittedAt: at,
    late: false,
  };
}

let html = '';
let zip: JSZip;
beforeAll(async () => {
  const summary = halfYearSummary({
    plan,
    campaign: {
      ...round('2026-H2', '2026-12-01', '2026-12-15'),
      unreached: [{ unitId: 'ppt', reason: 'no-chat', leaders: ['Stian Styrer'] }],
    },
    previous: round('2026-H1', '2026-06-01', '2026-06-15'),
    reports: ['leknes-skole', 'ballstad-skole', 'gravdal-barnehage', 'fygle-skole'].map((u, i) =>
      report('2026-H2', u, i),
    ),
    previousReports: ['leknes-skole', 'gravdal-barnehage'].map((u, i) => report('2026-H1', u, i + 1)),
    localPlans: [],
    today: '2026-12-10',
  });
  const buffer = await halfYearDocx(summary, halfYearDocumentTexts('nb'), '2026-12-10');
  html = (await mammoth.convertToHtml({ buffer })).value;
  zip = await JSZip.loadAsync(buffer);
});

const headings = () =>
  [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);
const signsPart = () =>
  html.slice(html.indexOf('Mål og tegn på god praksis</h1>'), html.indexOf('Enhetene</h1>'));

describe('the demo plan’s half-year document', () => {
  it('shows each future picture’s signs once, and a later goal that shares them says where they are', () => {
    const found = headings();
    for (const picture of [
      'Fremtidsbilde for pedagogisk analyse',
      'Fremtidsbilde og tegn på god praksis – inkluderende barnehage',
    ])
      expect(found.filter((h) => h.endsWith(` ${picture}`))).toHaveLength(1);
    expect(signsPart()).toContain(
      'Se «Fremtidsbilde for pedagogisk analyse», «Fremtidsbilde og tegn på god praksis – inkluderende barnehage» og «Fremtidsbilde og tegn på god praksis – inkluderende skolemiljø» under Utviklingsplanens mål 1',
    );
  });

  it('groups the goals by the plan they come from, with short numbered headings and the text under them', () => {
    const found = headings();
    const signs = found.slice(found.indexOf('h1 Mål og tegn på god praksis'), found.indexOf('h1 Enhetene'));
    expect(signs.filter((h) => /^h[23] /.test(h))).toEqual([
      'h2 Mål i oppvekstplanen',
      'h2 Mål i utviklingsplanen',
      'h3 Utviklingsplanens mål 1',
      'h3 Utviklingsplanens mål 2',
      'h3 Utviklingsplanens mål 3',
      'h2 Tegn som ikke er knyttet til et mål',
      ...signs.filter(
        (h) =>
          h.startsWith('h3 ') && signs.indexOf(h) > signs.indexOf('h2 Tegn som ikke er knyttet til et mål'),
      ),
    ]);
    expect(signsPart()).toContain(
      '<p>Alle barn og unge opplever at de passer inn der de sosialt hører til – både i lek og læring.</p>',
    );
    // The four goals with nothing linked: one sentence, not four empty sections.
    expect(signsPart().match(/Ingen tegn i planen er knyttet/g)).toHaveLength(1);
    expect(signsPart()).toContain('mål 4 «Barn og unge i Vestvågøy lærer, trives');
  });

  it('does not name who Planpuls could not reach: that is the tab’s concern', () => {
    expect(html).not.toContain('Stian Styrer');
    expect(html).not.toContain('Nådd i Teams');
  });

  it('has the title at the top of each page and «Side X av Y» at the foot, and a real contents field', async () => {
    const files = Object.keys(zip.files);
    const footer = await zip.file(files.find((f) => /^word\/footer\d+\.xml$/.test(f))!)!.async('string');
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/Side .*PAGE.* av .*NUMPAGES/);
    const header = await zip.file(files.find((f) => /^word\/header\d+\.xml$/.test(f))!)!.async('string');
    expect(header).toContain('Halvårsrapport høsten 2026');
    expect(await zip.file('word/document.xml')!.async('string')).toContain('TOC \\h \\o &quot;1-3&quot;');
  });

  it('lists only the unit types that answered, says «ingen svar» once, and labels each bar with its period', async () => {
    const part = signsPart();
    // Kindergartens and schools answered; the picture for both applies to no other type here.
    expect(part).not.toMatch(
      /<td><p>(PPT|Barnevern|Familie|Flyktning)<\/p><\/td><td><p>0<\/p><\/td><td><p>0<\/p><\/td><td><p>0<\/p>/,
    );
    expect(part).not.toMatch(
      /<td><p>0<\/p><\/td><td><p>0<\/p><\/td><td><p>0<\/p><\/td><td><p>ingen svar forrige periode/,
    );
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    const chart = await zip.file(charts[0]!)!.async('string');
    expect(chart).toContain('<c:v>Skole, høsten 2026</c:v>');
    expect(chart).toContain('<c:v>Skole, våren 2026</c:v>');
  });

  it('lists each unit’s overdue actions with deadline in words and who is responsible, then the others', () => {
    const leknes = html.slice(html.indexOf('Leknes skole</h3>'));
    const cells = (part: string) =>
      [...part.matchAll(/<td>(?:<p>(.*?)<\/p>)?<\/td>/g)].map((m) => m[1] ?? '');
    expect(leknes).toContain('Forfalte handlinger (frist før torsdag 10. desember 2026, ikke fullført)');
    const overdue = leknes.slice(leknes.indexOf('Forfalte handlinger'), leknes.indexOf('Øvrige handlinger'));
    expect(cells(overdue)).toEqual([
      'Lesekurs for alle lærerne',
      'mandag 2. november 2026',
      'Pågår',
      'Rektor',
      // What it serves, named as the goal's heading earlier in the document names it, with its start.
      'Oppvekstplanens mål 2: Barn og unge i Vestvågøy opplever at de er…',
    ]);
    const others = leknes.slice(leknes.indexOf('Øvrige handlinger'), leknes.indexOf('Enhetens egen tekst'));
    expect(cells(others)).toEqual([
      'Foreldremøte om trivsel',
      'torsdag 1. oktober 2026',
      'Fullført',
      '',
      '',
      'Ny plan for overganger',
      'mandag 1. mars 2027',
      'Ikke startet',
      'Inspektør',
      'Tema 1: Lederutvikling',
    ]);
  });

  it('writes the school year with an en dash, as the title does', () => {
    expect(html).toContain('Oppvekst · 2026–2027');
  });
});
