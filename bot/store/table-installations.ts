import { odata, type TableEntity } from '@azure/data-tables';
import type { Clock } from '../domain/clock.js';
import {
  encodeKey,
  type ConversationKind,
  type ConversationRef,
} from '../domain/conversations/conversation-ref.js';
import type { Installation } from '../domain/conversations/installation.js';
import type { InstallationRegistry } from '../use-cases/installation-registry.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';
import { BoundedCache } from '../platform/bounded-cache.js';

const TABLE = 'installations';
const PARTITION = 'conv';

type InstallationEntity = TableEntity<{
  conversationId: string;
  kind: ConversationKind;
  reference: string;
  teamId?: string;
  teamName?: string;
  channelName?: string;
  userAadObjectId?: string;
  status: 'active' | 'stale';
  staleReason?: string;
  updatedAt: string;
  /** When the welcome was posted; kept through uninstalls (record and markStale merge around it). */
  welcomedAt?: string;
}>;

/**
 * How long this process trusts its own last write of an installation: every incoming activity
 * records where it came from, and writing the same row again on each card press was one of the
 * few storage calls of an invoke. A row another instance marked stale meanwhile is made active
 * again by the next activity after this time (an activity from it shows the bot is there).
 */
const RECORD_FRESH_MS = 10 * 60_000;
/** Conversations whose last write this process remembers (about 1 KB each). */
const RECORDS_REMEMBERED = 5_000;

/** Installations in one partition keyed by conversation id: a few thousand rows at most. */
export function createTableInstallations(tables: Tables, clock: Clock): InstallationRegistry {
  // Bounded: one entry per conversation that wrote recently; forgetting one costs one write.
  const written = new BoundedCache<string, { same: string; at: number }>(RECORDS_REMEMBERED);
  const toInstallation = (e: InstallationEntity): Installation => ({
    conversationId: e.conversationId,
    kind: e.kind,
    reference: JSON.parse(e.reference) as ConversationRef,
    status: e.status,
    updatedAt: e.updatedAt,
    ...(e.teamId ? { teamId: e.teamId } : {}),
    ...(e.teamName ? { teamName: e.teamName } : {}),
    ...(e.channelName ? { channelName: e.channelName } : {}),
    ...(e.userAadObjectId ? { userAadObjectId: e.userAadObjectId } : {}),
    ...(e.staleReason ? { staleReason: e.staleReason } : {}),
  });

  return {
    async record(installation) {
      const client = await tables.table(TABLE);
      const entity: InstallationEntity = {
        partitionKey: PARTITION,
        rowKey: encodeKey(installation.conversationId),
        conversationId: installation.conversationId,
        kind: installation.kind,
        reference: JSON.stringify(installation.reference),
        status: 'active',
        staleReason: '',
        updatedAt: clock.now().toISOString(),
        ...(installation.teamId ? { teamId: installation.teamId } : {}),
        ...(installation.teamName ? { teamName: installation.teamName } : {}),
        ...(installation.channelName ? { channelName: installation.channelName } : {}),
        ...(installation.userAadObjectId
          ? { userAadObjectId: installation.userAadObjectId.toLowerCase() }
          : {}),
      };
      const same = JSON.stringify({ ...entity, updatedAt: undefined });
      const last = written.get(entity.rowKey);
      const now = clock.now().getTime();
      if (last?.same === same && now - last.at < RECORD_FRESH_MS) return;
      try {
        // Merge keeps what we knew (a team's name) when an event carries less.
        await client.upsertEntity(entity, 'Merge');
      } catch (error) {
        throw toStoreError(error, 'installasjonen');
      }
      written.set(entity.rowKey, { same, at: now });
    },
    async markStale(conversationId, reason) {
      written.delete(encodeKey(conversationId));
      const client = await tables.table(TABLE);
      try {
        await client.updateEntity(
          {
            partitionKey: PARTITION,
            rowKey: encodeKey(conversationId),
            status: 'stale',
            staleReason: reason,
            updatedAt: clock.now().toISOString(),
          },
          'Merge',
        );
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toStoreError(error, 'installasjonen');
      }
    },
    async get(conversationId) {
      const client = await tables.table(TABLE);
      try {
        return toInstallation(
          await client.getEntity<InstallationEntity>(PARTITION, encodeKey(conversationId)),
        );
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'installasjonen');
      }
    },
    async claimWelcome(conversationId) {
      const client = await tables.table(TABLE);
      try {
        const row = await client.getEntity<InstallationEntity>(PARTITION, encodeKey(conversationId));
        if (row.welcomedAt) return false;
        // The ETag makes the claim a compare-and-swap: of two events at once, one wins.
        await client.updateEntity(
          { partitionKey: PARTITION, rowKey: row.rowKey, welcomedAt: clock.now().toISOString() },
          'Merge',
          { etag: row.etag },
        );
        return true;
      } catch (error) {
        // 404: never recorded, so there is nowhere to welcome; 412: another event claimed it first.
        if (statusOf(error) === 404 || statusOf(error) === 412) return false;
        throw toStoreError(error, 'installasjonen');
      }
    },
    async list(filter = {}) {
      const client = await tables.table(TABLE);
      // Each clause is a plain comparison (no `or`), so joining them with `and` needs no parentheses.
      const clauses = [odata`PartitionKey eq ${PARTITION}`];
      if (filter.teamId) clauses.push(odata`teamId eq ${filter.teamId}`);
      if (filter.kind) clauses.push(odata`kind eq ${filter.kind}`);
      if (filter.userAadObjectId)
        clauses.push(odata`userAadObjectId eq ${filter.userAadObjectId.toLowerCase()}`);
      const out: Installation[] = [];
      try {
        for await (const e of client.listEntities<InstallationEntity>({
          queryOptions: { filter: clauses.join(' and ') },
        })) {
          out.push(toInstallation(e));
        }
      } catch (error) {
        throw toStoreError(error, 'installasjonene');
      }
      return out;
    },
  };
}
