import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../bot/app.js';
import type { Campaign } from '../bot/domain/reports/campaign.js';
import { emptyContent, type Report, type SignAnswer } from '../bot/domain/reports/report.js';
import { DEV_USER_HEADER } from '../bot/http/auth/authenticator.js';
import { importPlan } from '../bot/use-cases/import-plan.js';
import { ADMIN, appWithPlan, COORDINATOR } from './support/app.js';
import { planFixture, planYaml } from './support/plan-fixture.js';

// The autumn 2020 round is open (1–15 December); the spring round before it is the comparison.
const clock = { now: () => new Date('2020-12-10T09:00:00Z') };
let app: App;
let url: string;

const campaign = (id: string, opens: string, deadline: string, extra: Partial<Campaign> = {}): Campaign => ({
  id,
  kind: 'halvår',
  title: id,
  planKey: 'testkommune-2020-2021',
  opens,
  deadline,
  questions: [],
  openedBy: ADMIN,
  openedAt: `${opens}T06:00:00Z`,
  requests: {},
  ...extra,
});

function report(
  campaignId: string,
  unitId: string,
  signs: Record<string, SignAnswer>,
  extra: Partial<Report['content']> = {},
): Report {
  return {
    campaignId,
    unitId,
    status: 'sendt',
    version: 1,
    content: {
      ...emptyContent(),
      signs: Object.fromEntries(Object.entries(signs).map(([id, answer]) => [id, { answer, comment: '' }])),
      ...extra,
    },
    savedBy: ADMIN,
    savedByName: 'Leder',
    savedAt: `${campaignId === '2020-H2' ? '2020-12-08' : '2020-06-10'}T10:00:00Z`,
    submittedAt: `${campaignId === '2020-H2' ? '2020-12-08' : '2020-06-10'}T10:00:00Z`,
    late: false,
  };
}

beforeAll(async () => {
  app = await appWithPlan(clock);
  const plan = planFixture();
  const unit = (id: string, name: string, type: string) => ({
    id,
    name,
    type,
    owner: 'kommunal',
    municipality: 'Vestvågøy',
  });
  plan.units.push(
    unit('ballstad-skole', 'Ballstad skole', 'skole'),
    unit('gravdal-skole', 'Gravdal skole', 'skole'),
    unit('lilleeng-barnehage', 'Lilleeng barnehage', 'barnehage'),
  );
  plan.futurePictures.push({
    id: 'laering',
    title: 'Læringsmiljø',
    appliesTo: ['skole', 'barnehage'],
    signs: [
      { id: 'laering-01', text: 'Alle barn blir sett hver dag.' },
      { id: 'laering-02', text: 'Vi bruker kartleggingen i planleggingen.' },
    ],
  });
  await importPlan({ plans: app.plans, clock }, planYaml(plan));
  const planKey = (await app.plans.list())[0]!.key;
  await app.reports.campaigns.save({ ...campaign('2020-H1', '2020-06-01', '2020-06-15'), planKey });
  await app.reports.campaigns.save({
    ...campaign('2020-H2', '2020-12-01', '2020-12-15'),
    planKey,
    unreached: [{ unitId: 'gravdal-skole', reason: 'no-chat', leaders: ['Rektor Gravdal'] }],
  });
  // Spring: two schools answered; both said nei to «sett hver dag».
  await app.reports.reports.save(
    report('2020-H1', 'leknes-skole', { 'laering-01': 'nei', 'laering-02': 'delvis' }),
  );
  await app.reports.reports.save(
    report('2020-H1', 'ballstad-skole', { 'laering-01': 'nei', 'laering-02': 'nei' }),
  );
  // Autumn: Leknes and Lilleeng submitted, Ballstad saved a draft, Gravdal nothing.
  await app.reports.reports.save(
    report(
      '2020-H2',
      'leknes-skole',
      { 'ledelse-01': 'ja', 'laering-01': 'ja', 'laering-02': 'delvis' },
      {
        kartlegging: 'Vi kartla lesing på alle trinn.\nResultatene er delt med personalet.',
        mal: 'Alle elever leser med forståelse.',
        actions: [
          {
            id: 'h1',
            text: 'Lesekurs for lærerne',
            deadline: '2020-11-01',
            status: 'pågår',
            responsible: 'Rektor',
          },
          { id: 'h2', text: 'Foreldremøte om lesing', deadline: '2020-10-01', status: 'fullført' },
          { id: 'h3', text: 'Ny leseplan', deadline: '2021-03-01', status: 'ikke-startet' },
        ],
      },
    ),
  );
  await app.reports.reports.save(
    report('2020-H2', 'lilleeng-barnehage', { 'laering-01': 'ja', 'laering-02': 'nei' }),
  );
  await app.reports.reports.save({
    ...report('2020-H2', 'ballstad-skole', { 'laering-01': 'ja' }),
    status: 'utkast',
  });
  url = await app.listen();
});
afterAll(async () => app.close());

const download = (user: string, language = 'nb') =>
  fetch(`${url}/api/reports/2020-H2/docx`, {
    headers: { [DEV_USER_HEADER]: user, 'accept-language': language },
  });

async function open(response: Response) {
  const buffer = Buffer.from(await response.arrayBuffer());
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return { buffer, html, xml };
}

/** The headings as `h1 Text`, in document order. */
const headings = (html: string) =>
  [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);

/** Each table's header cells and its rows' cell texts. */
const tables = (html: string) =>
  [...html.matchAll(/<table>(.*?)<\/table>/g)].map((t) => ({
    header: [...t[1]!.matchAll(/<th>(.*?)<\/th>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
    rows: [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
    ),
  }));

describe('the half-year report as a Word document', () => {
  it('is the kommunalsjef’s to download, as a .docx named by the period', async () => {
    const response = await download(ADMIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toBe(
      // Readable, ASCII-safe, and in Norwegian for clients that read `filename*`.
      `attachment; filename="halvarsrapport-hosten-2020.docx"; filename*=UTF-8''${encodeURIComponent('halvårsrapport-høsten-2020.docx')}`,
    );
    expect((await download(COORDINATOR)).status).toBe(403);
    const refused = (await (await download(COORDINATOR)).json()) as { error: { message: string } };
    expect(refused.error.message).toContain('Bare kommunalsjefen');
    const unknown = await fetch(`${url}/api/reports/2031-H1/docx`, { headers: { [DEV_USER_HEADER]: ADMIN } });
    expect(unknown.status).toBe(404);
    // Another request has answers, not signs: its export is the CSV.
    await app.reports.campaigns.save({
      ...campaign('kontaktperson', '2020-12-01', '2020-12-15'),
      kind: 'forespørsel',
      planKey: (await app.plans.list())[0]!.key,
    });
    const request = await fetch(`${url}/api/reports/kontaktperson/docx`, {
      headers: { [DEV_USER_HEADER]: ADMIN },
    });
    expect(request.status).toBe(400);
    expect(((await request.json()) as { error: { message: string } }).error.message).toContain('som CSV');
  });

  it('has a front page, contents and Word headings in order: summary, response rate, signs, units', async () => {
    const { html, xml } = await open(await download(ADMIN));
    expect(html).toContain('Halvårsrapport høsten 2020');
    expect(html).toContain('Rapporteringsperiode: tirsdag 1. desember 2020 til tirsdag 15. desember 2020');
    expect(html).toContain('Laget torsdag 10. desember 2020');
    expect(xml).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(headings(html)).toEqual([
      'h1 Sammendrag',
      'h1 Svarprosent',
      'h2 Enheter som ikke har rapportert',
      'h1 Tegn på god praksis',
      'h2 Ledelse',
      'h2 Læringsmiljø',
      'h1 Enhetene',
      'h2 Barnehager',
      'h3 Lilleeng barnehage',
      'h4 Enhetens egen tekst',
      'h2 Skoler',
      'h3 Ballstad skole',
      'h3 Gravdal skole',
      'h3 Leknes skole',
      'h4 Enhetens egen tekst',
    ]);
    // Real Word heading styles, not big bold text.
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading4"/>');
  });

  it('gives every table a repeated header row', async () => {
    const { html, xml } = await open(await download(ADMIN));
    const all = tables(html);
    expect(all.length).toBeGreaterThan(4);
    for (const t of all) expect(t.header.length).toBeGreaterThan(0);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(all.length);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(all.length);
  });

  it('says the response rate and names the units that did not report, not who Planpuls could not reach', async () => {
    const { html } = await open(await download(ADMIN));
    expect(html).toContain('2 av 4 enheter har sendt inn rapporten (50 %).');
    // Gravdal was never asked (no request reached a leader there): the council is told so.
    expect(html).toContain(
      '2 enheter har ikke rapportert. Av dem ble 1 ikke spurt: forespørselen nådde ingen leder der i Teams.',
    );
    const [rate, missing] = tables(html);
    expect(rate!.header).toEqual(['Enhetstype', 'Sendt inn', 'Enheter', 'Svarprosent']);
    expect(rate!.rows.slice(1)).toEqual([
      ['Barnehage', '1', '1', '100 %'],
      ['Skole', '1', '3', '33 %'],
      ['Alle', '2', '4', '50 %'],
    ]);
    expect(missing!.rows.slice(1)).toEqual([
      ['Ballstad skole', 'Skole', 'Utkast lagret, ikke sendt'],
      // No request reached Gravdal: «not asked», as Enheter and the campaign's progress say it.
      ['Gravdal skole', 'Skole', 'Ikke spurt'],
    ]);
    // Reachability is operational detail for the tab, not for the politicians.
    expect(html).not.toContain('Rektor Gravdal');
  });

  it('counts each sign ja / delvis / nei per unit type, with the change since spring', async () => {
    const { html } = await open(await download(ADMIN));
    const signs = tables(html)[3]!;
    expect(signs.header).toEqual(['Enhetstype', 'Ja', 'Delvis', 'Nei', 'Endring ja / delvis / nei']);
    expect(signs.rows.slice(1)).toEqual([
      ['Alle barn blir sett hver dag.'],
      // Lilleeng did not report in the spring: no change to speak of, rather than «+1».
      ['Barnehage', '1', '0', '0', 'ingen svar forrige periode'],
      ['Skole', '1', '0', '0', '+1 / ±0 / −2'],
      ['Vi bruker kartleggingen i planleggingen.'],
      ['Barnehage', '0', '0', '1', 'ingen svar forrige periode'],
      ['Skole', '0', '1', '0', '±0 / ±0 / −1'],
    ]);
    // Shares compare across periods where counts do not: fewer schools answered in the spring.
    expect(html).toContain(
      'Av svarene på tegn på god praksis er 60 % ja, 20 % delvis og 20 % nei (3, 1 og 1 svar).',
    );
    expect(html).toContain('Våren 2020 var 0 % ja, 25 % delvis og 75 % nei (0, 1 og 3 svar).');
  });

  it('draws each picture’s answers as a Word chart with alt text that says the numbers', async () => {
    const { buffer } = await open(await download(ADMIN));
    const zip = await JSZip.loadAsync(buffer);
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(2);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(
      'descr="Stolpediagram over svarene på tegnene i «Læringsmiljø», andel ja, delvis og nei. Barnehage, høsten 2020: ja 1, delvis 0, nei 1. Barnehage, våren 2020: ja 0, delvis 0, nei 0. Skole, høsten 2020: ja 1, delvis 1, nei 0. Skole, våren 2020: ja 0, delvis 1, nei 3."',
    );
  });

  it('shows each unit’s actions by status, the overdue ones, and its own text', async () => {
    const { html } = await open(await download(ADMIN));
    const leknes = html.slice(html.indexOf('Leknes skole</h3>'));
    expect(leknes).toContain('Rapporten ble sendt inn tirsdag 8. desember 2020.');
    const [counts, overdue] = tables(leknes);
    expect(counts!.rows).toEqual([[], ['1', '1', '1', '1']]);
    expect(overdue!.rows.slice(1)).toEqual([
      ['Lesekurs for lærerne', 'søndag 1. november 2020', 'Pågår', 'Rektor', ''],
    ]);
    expect(leknes).toContain(
      '<p>Vi kartla lesing på alle trinn.</p><p>Resultatene er delt med personalet.</p>',
    );
    const ballstad = html.slice(html.indexOf('Ballstad skole</h3>'), html.indexOf('Gravdal skole</h3>'));
    // A draft is the unit's own until submitted: its text is not in the document.
    expect(ballstad).toContain('Rapporten er ikke sendt inn (et utkast er lagret).');
    expect(ballstad).not.toContain('Enhetens egen tekst');
  });

  it('is in English for a person who chose English', async () => {
    const { html } = await open(await download(ADMIN, 'en'));
    expect(headings(html).slice(0, 4)).toEqual([
      'h1 Summary',
      'h1 Response rate',
      'h2 Units that have not reported',
      'h1 Signs of good practice',
    ]);
    expect(html).toContain('Half-year report autumn 2020');
    expect(html).toContain('2 of 4 units have submitted the report (50%).');
  });

  it('keeps the CSV export', async () => {
    const response = await fetch(`${url}/api/reports/export`, { headers: { [DEV_USER_HEADER]: ADMIN } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toContain('2020-H2,lilleeng-barnehage,Lilleeng barnehage,barnehage,sendt');
  });
});
