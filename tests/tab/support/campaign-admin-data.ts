import type { App } from '../../../bot/app.js';
import { ADMIN, CHANNEL } from './tab-server.js';

/** Rita Rektor leads Leknes skole and has Planpuls in a personal chat. */
export const RITA = '00000000-0000-0000-0000-0000000000a3';
/** Stian Styrer leads Ballstad barnehage and has no personal chat; the unit's channel is linked. */
export const STIAN = '00000000-0000-0000-0000-0000000000a4';
export const RITA_CHAT = `a:chat-${RITA}`;

/**
 * The three units of the tab's plan, each reached another way: Leknes skole in its leader's
 * personal chat, Ballstad barnehage in its channel (the KULG channel, linked to the unit) with
 * its leader @mentioned, PPT Vest-Lofoten not at all (no leader on record, no channel).
 */
export async function seedLeaders(app: App): Promise<void> {
  for (const [aadObjectId, name, unit] of [
    [RITA, 'Rita Rektor', 'leknes-skole'],
    [STIAN, 'Stian Styrer', 'ballstad-barnehage'],
  ] as const)
    await app.people.save({
      aadObjectId,
      name,
      roles: ['enhetsleder'],
      leads: [unit],
      networks: [],
      coordinates: [],
    });
  await app.registry.record({
    conversationId: RITA_CHAT,
    kind: 'personal',
    userAadObjectId: RITA,
    reference: {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: RITA_CHAT, conversationType: 'personal' },
      bot: { id: '28:planpuls' },
      user: { id: `29:${RITA}`, aadObjectId: RITA },
    },
  });
  await app.links.add({
    target: { kind: 'unit', id: 'ballstad-barnehage' },
    conversationId: CHANNEL,
    linkedBy: ADMIN,
    linkedAt: '',
  });
}
