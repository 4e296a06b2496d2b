import type { App } from '../../bot/app.js';
import { DEV_USER_HEADER } from '../../bot/http/auth/authenticator.js';
import { reportTexts } from '../../bot/i18n/reports.js';
import { importPlan } from '../../bot/use-cases/import-plan.js';
import { resolveAccess } from '../../bot/use-cases/access.js';
import { runReportAction } from '../../bot/use-cases/reports/report-actions.js';
import { ADMIN } from './app.js';
import { planFixture, planYaml } from './plan-fixture.js';

/**
 * Five units of the fixture plan (school year 2020–2021) in every state of campaign 2020-H2
 * (opens 1 December 2020, due the 15th), as the status overview shows them:
 *
 * - Leknes skole: Rektor Lund (personal chat) submitted through the card's use case; its 2020-H1
 *   report had «nei» where 2020-H2 has «ja».
 * - Ballstad skole: Rektor Berg (personal chat) saved a draft; its local plan has an action past
 *   its deadline (20 November) and one done.
 * - Gravdal barnehage: Styrer Dahl has no chat, but the unit's channel is linked: asked.
 * - Lilleeng barnehage: Styrer Eik has no chat and no channel: not asked, unreachable.
 * - PPT: nobody leads it: not asked, unreachable.
 *
 * A coordinator of IBSM (the kindergartens' programme) and a member complete the cast.
 */
export const STATUS_PEOPLE = {
  leknes: '00000000-0000-0000-0000-0000000000d1',
  ballstad: '00000000-0000-0000-0000-0000000000d2',
  gravdal: '00000000-0000-0000-0000-0000000000d3',
  lilleeng: '00000000-0000-0000-0000-0000000000d4',
  coordinator: '00000000-0000-0000-0000-0000000000d5',
  member: '00000000-0000-0000-0000-0000000000d6',
} as const;
export const GRAVDAL_CHANNEL = '19:gravdal@thread.tacv2';

export function statusPlan(): Record<string, any> {
  const plan = planFixture();
  const unit = (id: string, name: string, type: string, programmes: string[]) => ({
    id,
    name,
    type,
    owner: 'kommunal',
    municipality: 'Vestvågøy',
    programmes,
  });
  plan.programmes.push({ id: 'ibsm', name: 'IBSM', kind: 'program' });
  plan.units.push(
    unit('ballstad-skole', 'Ballstad skole', 'skole', ['lp']),
    unit('gravdal-barnehage', 'Gravdal barnehage', 'barnehage', ['ibsm']),
    unit('lilleeng-barnehage', 'Lilleeng barnehage', 'barnehage', ['ibsm']),
    unit('ppt', 'PPT Vest-Lofoten', 'ppt', []),
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
  return plan;
}

/** The card form's fields for a complete report with these sign answers. */
const form = (signs: Record<string, string>) => ({
  kartlegging: 'Elevundersøkelsen og observasjon i klasserommet.',
  analyse: 'Mobbing skjer mest i friminuttene.',
  mal: 'Alle elever opplever et trygt skolemiljø.',
  handlingIds: [''],
  handling_1: 'Flere voksne ute i friminuttene.',
  handlingFrist_1: '2021-03-01',
  handlingStatus_1: 'pågår',
  ...Object.fromEntries(Object.entries(signs).map(([id, answer]) => [`tegn_${id}`, answer])),
  tidsressurser: 'To timer i uka.',
  fritekst: '',
});

/** Seeds the world on `app` (whose clock must read 1 December 2020 now). */
export async function seedStatusWorld(app: App, url: string): Promise<void> {
  const { leknes, ballstad, gravdal, lilleeng, coordinator, member } = STATUS_PEOPLE;
  await importPlan({ plans: app.plans, clock: app.clock }, planYaml(statusPlan()));
  const person = (
    aadObjectId: string,
    name: string,
    roles: string[],
    leads: string[],
    coordinates: string[] = [],
  ) => app.people.save({ aadObjectId, name, roles: roles as never, leads, networks: [], coordinates });
  await person(leknes, 'Rektor Lund', ['enhetsleder'], ['leknes-skole']);
  await person(ballstad, 'Rektor Berg', ['enhetsleder'], ['ballstad-skole']);
  await person(gravdal, 'Styrer Dahl', ['enhetsleder'], ['gravdal-barnehage']);
  await person(lilleeng, 'Styrer Eik', ['enhetsleder'], ['lilleeng-barnehage']);
  await person(coordinator, 'Kari Koordinator', ['koordinator'], [], ['ibsm']);
  await person(member, 'Mona Medlem', ['medlem'], []);
  const reference = (id: string, conversationType: string, user?: string) => ({
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id, conversationType },
    bot: { id: '28:planpuls' },
    ...(user ? { user: { id: `29:${user}`, aadObjectId: user } } : {}),
  });
  for (const user of [leknes, ballstad])
    await app.registry.record({
      conversationId: `a:chat-${user}`,
      kind: 'personal',
      userAadObjectId: user,
      reference: reference(`a:chat-${user}`, 'personal', user),
    });
  await app.registry.record({
    conversationId: GRAVDAL_CHANNEL,
    kind: 'channel',
    teamId: '19:gravdal-team@thread.tacv2',
    reference: reference(GRAVDAL_CHANNEL, 'channel'),
  });
  await app.links.add({
    target: { kind: 'unit', id: 'gravdal-barnehage' },
    conversationId: GRAVDAL_CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });

  const api = async (user: string, method: string, path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', [DEV_USER_HEADER]: user },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };
  // Ballstad's local plan, from the tab: one action overdue (20 November), one done.
  await api(ballstad, 'PUT', '/api/units/ballstad-skole/local-plan', {
    version: 0,
    kartlegging: 'Kartlagt i høst.',
    analyse: 'Lesing er svakt på mellomtrinnet.',
    mal: 'Alle leser alderstilpasset.',
    actions: [
      { text: 'Lesekurs for lærerne.', deadline: '2020-11-20', status: 'pågår' },
      { text: 'Kartlegging av lesing.', deadline: '2020-10-01', status: 'fullført' },
      { text: 'Lesevenner.', deadline: '2021-02-01', status: 'ikke-startet' },
    ],
  });

  // The spring period first, then the autumn one: the overview compares the two.
  await api(ADMIN, 'POST', '/api/reports/campaigns', { id: '2020-H1' });
  const text = reportTexts('nb');
  const act = async (
    user: string,
    action: 'lagre' | 'send',
    unitId: string,
    campaignId: string,
    fields: object,
  ) => {
    const access = await resolveAccess(app.reports.access, { aadObjectId: user, name: 'Leder' });
    const stored = await app.reports.reports.getWithPlan(campaignId, unitId);
    const result = await runReportAction(
      app.reports,
      access,
      action,
      {
        campaignId,
        unitId,
        version: stored.report?.version ?? 0,
        planVersion: stored.localPlan?.version ?? 0,
        ...fields,
      },
      text,
    );
    if (result.kind !== 'view' || result.view.notice?.tone === 'attention')
      throw new Error(
        `${action} ${unitId}: ${JSON.stringify(result.kind === 'view' ? result.view.notice : result)}`,
      );
  };
  // 2020-H1 is past its deadline on 1 December: Leknes's spring report is submitted late, by the admin.
  await act(
    ADMIN,
    'send',
    'leknes-skole',
    '2020-H1',
    form({ 'ledelse-01': 'nei', 'laering-01': 'nei', 'laering-02': 'delvis' }),
  );
  await api(ADMIN, 'POST', '/api/reports/campaigns', { id: '2020-H2' });
  await act(
    leknes,
    'send',
    'leknes-skole',
    '2020-H2',
    form({ 'ledelse-01': 'ja', 'laering-01': 'delvis', 'laering-02': 'delvis' }),
  );
  await act(ballstad, 'lagre', 'ballstad-skole', '2020-H2', form({ 'ledelse-01': 'ja' }));
}
