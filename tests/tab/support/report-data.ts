import { TODAY } from './tab-plan.js';
import type { App } from '../../../bot/app.js';
import { DEV_USER_HEADER } from '../../../bot/http/auth/authenticator.js';
import { emptyContent, type Report, type ReportContent } from '../../../bot/domain/reports/report.js';
import { ADMIN } from './tab-server.js';

export const LEADER = '00000000-0000-0000-0000-0000000000b1';

/**
 * Two half-year campaigns opened through the API as the admin, and Leknes skole's reports saved
 * through the real report store: 2026-H1 submitted with «delvis» on a sign; 2026-H2 a draft by
 * Line Leder then submitted with «ja». Ballstad barnehage and PPT have not reported.
 */
export async function seedReports(app: App, url: string): Promise<void> {
  await app.people.save({
    aadObjectId: LEADER,
    name: 'Line Leder',
    roles: ['enhetsleder'],
    leads: ['leknes-skole'],
    networks: [],
    coordinates: [],
  });
  for (const id of ['2026-H1', '2026-H2']) {
    const response = await fetch(`${url}/api/reports/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: ADMIN },
      // Autumn's opens on 1 December by default; the kommunalsjef opens it today, a week early.
      body: JSON.stringify(id === '2026-H2' ? { id, opens: TODAY } : { id }),
    });
    if (response.status !== 201) throw new Error(`campaign ${id}: ${response.status}`);
  }
  const content = (answer: 'ja' | 'delvis', text: string): ReportContent => ({
    ...emptyContent(),
    kartlegging: text,
    analyse: 'Elevundersøkelsen viser at mobbing har gått ned.',
    mal: 'Alle elever har en voksen de stoler på.',
    actions: [{ id: 'h1', text: 'Faste elevsamtaler hver måned.', deadline: '2027-03-01', status: 'pågår' }],
    signs: {
      'ledelse-01': { answer: 'ja', comment: '' },
      'miljo-01': { answer, comment: 'Kontaktlærer har samtaler.' },
      'miljo-02': { answer: 'nei', comment: '' },
    },
  });
  const save = async (report: Report, previous?: Report) => {
    await app.reports.reports.save(report, previous);
    return report;
  };
  const base = { unitId: 'leknes-skole', savedBy: LEADER, savedByName: 'Line Leder' };
  await save({
    ...base,
    campaignId: '2026-H1',
    status: 'sendt',
    version: 1,
    content: content('delvis', 'Kartlagt i vår.'),
    savedAt: '2026-06-10T08:00:00.000Z',
    submittedAt: '2026-06-10T08:00:00.000Z',
    late: false,
  });
  await save({
    ...base,
    campaignId: '2026-H2',
    status: 'utkast',
    version: 1,
    content: content('delvis', 'Første utkast.'),
    savedAt: '2026-11-20T08:00:00.000Z',
  });
  // A save builds on the version as read from storage (its ETag guards the write).
  const draft = await app.reports.reports.get('2026-H2', 'leknes-skole');
  await save(
    {
      ...base,
      campaignId: '2026-H2',
      status: 'sendt',
      version: 2,
      content: content('ja', 'Kartlagt med elevundersøkelsen i høst.'),
      savedAt: '2026-11-21T09:30:00.000Z',
      submittedAt: '2026-11-21T09:30:00.000Z',
      late: false,
    },
    draft,
  );
}
