import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { odata, type TableEntity } from '@azure/data-tables';
import type { Clock } from '../domain/clock.js';
import type { CalendarFeed, CalendarFeeds } from '../use-cases/reminders/calendar-feeds.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

type FeedEntity = TableEntity<{
  id: string;
  /** Empty for a person's feed. */
  programme: string;
  /** Empty for a programme's feed (and absent in rows from before personal feeds). */
  person?: string;
  /** A person's own link, so they can copy it again; never stored for a programme's feed. */
  token?: string;
  createdBy: string;
  createdAt: string;
  revoked: boolean;
}>;

const PARTITION = 'feed';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Subscribable calendar feeds. The token in the URL is random (256 bits) and is found by its
 * SHA-256. A programme's token is not stored, so the table does not give those URLs away; a
 * person's own token is kept with the row, so the tab can show them the link their calendar
 * already uses (a new one would cut that calendar off). A feed is revoked by flagging its row.
 */
export function createTableCalendarFeeds(tables: Tables, clock: Clock): CalendarFeeds {
  const toFeed = (e: FeedEntity): CalendarFeed => ({
    id: e.id,
    ...(e.programme ? { programme: e.programme } : {}),
    ...(e.person ? { person: e.person } : {}),
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    revoked: e.revoked,
  });
  const all = async (): Promise<FeedEntity[]> => {
    const client = await tables.table('feeds');
    const out: FeedEntity[] = [];
    try {
      for await (const e of client.listEntities<FeedEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
      }))
        out.push(e);
    } catch (error) {
      throw toStoreError(error, 'kalenderabonnementene');
    }
    return out;
  };
  return {
    async create(subject, createdBy) {
      const token = randomBytes(32).toString('base64url');
      const feed: CalendarFeed = {
        id: randomUUID(),
        ...subject,
        createdBy,
        createdAt: clock.now().toISOString(),
        revoked: false,
      };
      const client = await tables.table('feeds');
      try {
        await client.createEntity<FeedEntity>({
          partitionKey: PARTITION,
          rowKey: hash(token),
          ...feed,
          programme: feed.programme ?? '',
          person: feed.person ?? '',
          ...(feed.person ? { token } : {}),
        });
      } catch (error) {
        throw toStoreError(error, 'kalenderabonnementet');
      }
      return { feed, token };
    },
    async byToken(token) {
      const client = await tables.table('feeds');
      try {
        const feed = toFeed(await client.getEntity<FeedEntity>(PARTITION, hash(token)));
        return feed.revoked ? undefined : feed;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'kalenderabonnementet');
      }
    },
    async personal(person) {
      const own = (await all())
        .filter((e) => e.person === person && !e.revoked && e.token)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      return own && { feed: toFeed(own), token: own.token! };
    },
    list: async () => (await all()).map(toFeed),
    async revoke(id) {
      const row = (await all()).find((e) => e.id === id);
      if (!row) return false;
      const client = await tables.table('feeds');
      try {
        await client.updateEntity({ partitionKey: PARTITION, rowKey: row.rowKey, revoked: true }, 'Merge');
      } catch (error) {
        throw toStoreError(error, 'kalenderabonnementet');
      }
      return true;
    },
  };
}
