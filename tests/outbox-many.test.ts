import { describe, expect, it } from 'vitest';
import { createTableOutbox } from '../bot/store/table-outbox.js';
import { card, references } from './support/delivery.js';
import { freshTables } from './support/storage.js';
import { observedTables } from './support/observed-tables.js';

describe('the deliveries of a campaign’s request cards (real Azurite)', () => {
  it('reads many messages’ deliveries in one query, and no message outside the ids asked for', async () => {
    const calls: string[] = [];
    const tables = observedTables(freshTables().tables, (table, method) => calls.push(`${table}.${method}`));
    const outbox = createTableOutbox(tables, { now: () => new Date('2026-12-03T08:00:00Z') });
    const ids = [
      'rapport-tid-leknes-skole-kanal',
      'rapport-tid-ballstad-skole-kanal',
      'rapport-tid-ppt-kanal',
    ];
    const [one, two, three] = references('http://127.0.0.1:9/', 3);
    await outbox.enqueue({ id: ids[0]!, activity: card('Leknes') }, [one!, two!]);
    await outbox.enqueue({ id: ids[1]!, activity: card('Ballstad') }, [three!]);
    await outbox.enqueue({ id: ids[2]!, activity: card('PPT') }, [one!]);
    // Another campaign whose id starts like this one's: inside the range, not asked for.
    await outbox.enqueue({ id: 'rapport-tid-2-leknes-skole-kanal', activity: card('Annen') }, [one!]);
    calls.length = 0;
    const many = await outbox.deliveriesOfMany(ids);
    expect([...many.entries()].map(([id, d]) => [id, d.length])).toEqual([
      [ids[0], 2],
      [ids[1], 1],
      [ids[2], 1],
    ]);
    expect(calls.filter((c) => c.endsWith('outdeliveries.listEntities'))).toHaveLength(1);
    for (const id of ids) expect(many.get(id)).toEqual(await outbox.deliveries(id));
  });
});
