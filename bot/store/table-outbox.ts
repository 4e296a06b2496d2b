import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { Clock } from '../domain/clock.js';
import { encodeKey, type ConversationRef } from '../domain/conversations/conversation-ref.js';
import type { DeliveryState } from '../domain/delivery/delivery.js';
import { MAX_MESSAGE_BYTES, payloadBytes } from '../domain/delivery/delivery.js';
import { MessageTooLargeError } from '../domain/errors.js';
import type {
  DeliveryRecord,
  EnqueueResult,
  NewMessage,
  Outbox,
  OutboxQueue,
  OutgoingActivity,
  Outcome,
  PendingItem,
  StoredMessage,
} from '../delivery/ports.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';
import { BoundedCache } from '../platform/bounded-cache.js';

/**
 * The durable outbox in Azure Tables.
 *
 * - `outmessages`: one row per message (payload, version, withdrawn).
 * - `outdeliveries`: one row per (message, conversation), partitioned by message: state, activity
 *   id, attempts, last error. It is the status per recipient and is never deleted.
 * - `outpending`: the ready queue, one row per delivery that needs attention, with the time it is
 *   due; a sender leases a row by moving its due time forward under the row's ETag. Rows leave
 *   the queue when their delivery is settled, so a poll costs in proportion to the backlog.
 *
 * Every write is keyed deterministically, so enqueueing the same message twice for the same
 * conversation changes nothing.
 */
const MESSAGES = 'outmessages';
const DELIVERIES = 'outdeliveries';
const PENDING = 'outpending';
const PENDING_PARTITION = 'p';
const CHUNK = 30_000;
const MESSAGE_FRESH_MS = 1_000;
const BATCH = 100;
/**
 * Messages kept in memory for the senders. A message is up to 80 KB, so this holds at most about
 * 20 MB; a broadcast reads one message for many conversations, so a few recent ones are what
 * pays (a message is checked against storage again after a second anyway).
 */
export const CACHED_MESSAGES = 256;

/** A message as last read, and when it was last checked against storage (performance.now()). */
export interface CachedMessage {
  message: StoredMessage;
  checkedAt: number;
}

export interface TableOutboxOptions {
  /** The message cache; tests pass a small one to see it stay within its bound. */
  messageCache?: BoundedCache<string, CachedMessage>;
}

type MessageEntity = TableEntity<{
  version: number;
  withdrawn: boolean;
  kind?: string;
  createdAt: string;
  chunks: number;
  [chunk: `a${number}`]: string;
}>;

type DeliveryEntity = TableEntity<{
  conversationId: string;
  reference: string;
  state: DeliveryState;
  activityId?: string;
  deliveredVersion: number;
  attempts: number;
  lastError?: string;
  updatedAt: string;
}>;

type PendingEntity = TableEntity<{
  messageId: string;
  conversationId: string;
  dueAt: string;
  /** The message version this row was queued for. */
  version: number;
  touched?: string;
}>;

export function createTableOutbox(
  tables: Tables,
  clock: Clock,
  options: TableOutboxOptions = {},
): Outbox & OutboxQueue {
  const messageCache = options.messageCache ?? new BoundedCache<string, CachedMessage>(CACHED_MESSAGES);

  /**
   * A message as a sender needs it: a copy checked less than a second ago serves, unless the queue
   * row asks for a newer version than the copy has (the message was revised since).
   */
  const freshMessage = async (messageId: string, minVersion: number): Promise<StoredMessage | undefined> => {
    const cached = messageCache.get(messageId);
    const recent = cached !== undefined && performance.now() - cached.checkedAt < MESSAGE_FRESH_MS;
    if (cached && recent && cached.message.version >= minVersion) return cached.message;
    return readMessage(messageId);
  };

  const readMessage = async (messageId: string): Promise<StoredMessage | undefined> => {
    const client = await tables.table(MESSAGES);
    try {
      const entity = await client.getEntity<MessageEntity>(encodeKey(messageId), 'm');
      const cached = messageCache.get(messageId)?.message;
      if (cached && cached.version === entity.version && cached.withdrawn === entity.withdrawn) {
        messageCache.set(messageId, { message: cached, checkedAt: performance.now() });
        return cached;
      }
      let json = '';
      for (let i = 0; i < entity.chunks; i++)
        json += (entity as unknown as Record<string, string>)[`a${i}`] ?? '';
      const message: StoredMessage = {
        id: messageId,
        version: entity.version,
        withdrawn: entity.withdrawn,
        activity: JSON.parse(json) as OutgoingActivity,
        kind: entity.kind,
        createdAt: entity.createdAt,
      };
      messageCache.set(messageId, { message, checkedAt: performance.now() });
      return message;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, `meldingen ${messageId}`);
    }
  };

  const writeMessage = async (
    messageId: string,
    activity: OutgoingActivity,
    fields: { version: number; withdrawn: boolean; kind?: string; createdAt: string },
    mode: { create: true } | { etag: string },
  ): Promise<void> => {
    const bytes = payloadBytes(activity);
    if (bytes > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(bytes, MAX_MESSAGE_BYTES);
    const json = JSON.stringify(activity);
    const entity: Record<string, unknown> = {
      partitionKey: encodeKey(messageId),
      rowKey: 'm',
      ...fields,
      chunks: Math.ceil(json.length / CHUNK),
    };
    for (let i = 0; i * CHUNK < json.length; i++) entity[`a${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
    const client = await tables.table(MESSAGES);
    if ('create' in mode) await client.createEntity(entity as MessageEntity);
    else await client.updateEntity(entity as MessageEntity, 'Replace', { etag: mode.etag });
  };

  const toDelivery = (messageId: string, entity: DeliveryEntity & { etag?: string }): DeliveryRecord => ({
    messageId,
    conversationId: entity.conversationId,
    reference: JSON.parse(entity.reference) as ConversationRef,
    state: entity.state,
    activityId: entity.activityId,
    deliveredVersion: entity.deliveredVersion,
    attempts: entity.attempts,
    lastError: entity.lastError,
    updatedAt: entity.updatedAt,
    etag: entity.etag ?? '',
  });

  const pendingKey = (messageId: string, conversationId: string) =>
    `${encodeKey(messageId)}|${encodeKey(conversationId)}`;

  /**
   * Puts deliveries (back) in the queue. Rows already there are touched, so a sender holding one
   * notices the change when it settles; with `hurry` they also become due now.
   */
  const pend = async (
    messageId: string,
    conversationIds: readonly string[],
    dueAt: string,
    version: number,
    hurry = false,
  ): Promise<void> => {
    const client = await tables.table(PENDING);
    const entities: PendingEntity[] = conversationIds.map((conversationId) => ({
      partitionKey: PENDING_PARTITION,
      rowKey: pendingKey(messageId, conversationId),
      messageId,
      conversationId,
      dueAt,
      version,
    }));
    for (let i = 0; i < entities.length; i += BATCH) {
      const chunk = entities.slice(i, i + BATCH);
      try {
        await client.submitTransaction(chunk.map((entity): TransactionAction => ['create', entity]));
      } catch (error) {
        if (statusOf(error) !== 409) throw toStoreError(error, 'utboksen');
        // Some are queued already: create the rest one by one, and touch those that exist.
        for (const entity of chunk) await createOrTouch(entity, hurry);
      }
    }
  };

  /**
   * Queues one row, or touches it (new version, and due now with `hurry`) when it is there. A
   * sender may remove the row between our create and our touch: then it is created again.
   */
  const createOrTouch = async (entity: PendingEntity, hurry: boolean): Promise<void> => {
    const client = await tables.table(PENDING);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await client.createEntity(entity);
        return;
      } catch (error) {
        if (statusOf(error) !== 409) throw toStoreError(error, 'utboksen');
      }
      try {
        await client.updateEntity(
          {
            partitionKey: entity.partitionKey,
            rowKey: entity.rowKey,
            touched: clock.now().toISOString(),
            version: entity.version,
            ...(hurry ? { dueAt: entity.dueAt } : {}),
          },
          'Merge',
        );
        return;
      } catch (error) {
        if (statusOf(error) !== 404) throw toStoreError(error, 'utboksen');
      }
    }
    throw toStoreError({ statusCode: 409 }, 'utboksen');
  };

  const enqueue = async (
    message: NewMessage,
    targets: readonly ConversationRef[],
  ): Promise<EnqueueResult> => {
    const now = clock.now().toISOString();
    try {
      await writeMessage(
        message.id,
        message.activity,
        { version: 1, withdrawn: false, createdAt: now, ...(message.kind ? { kind: message.kind } : {}) },
        { create: true },
      );
    } catch (error) {
      if (error instanceof MessageTooLargeError) throw error;
      if (statusOf(error) !== 409) throw toStoreError(error, `meldingen ${message.id}`);
    }

    // One delivery per distinct conversation.
    const byId = new Map(targets.map((ref) => [ref.conversation.id, ref]));
    const deliveries = await tables.table(DELIVERIES);
    const partitionKey = encodeKey(message.id);
    const toPend: string[] = [];
    let created = 0;
    const entities = [...byId.values()].map((ref): DeliveryEntity => ({
      partitionKey,
      rowKey: encodeKey(ref.conversation.id),
      conversationId: ref.conversation.id,
      reference: JSON.stringify(ref),
      state: 'queued',
      deliveredVersion: 0,
      attempts: 0,
      updatedAt: now,
    }));
    for (let i = 0; i < entities.length; i += BATCH) {
      const chunk = entities.slice(i, i + BATCH);
      try {
        await deliveries.submitTransaction(chunk.map((entity): TransactionAction => ['create', entity]));
        created += chunk.length;
        toPend.push(...chunk.map((e) => e.conversationId));
      } catch (error) {
        if (statusOf(error) !== 409) throw toStoreError(error, 'utboksen');
        for (const entity of chunk) {
          try {
            await deliveries.createEntity(entity);
            created++;
            toPend.push(entity.conversationId);
          } catch (single) {
            if (statusOf(single) !== 409) throw toStoreError(single, 'utboksen');
            // Queued before; if a crash came between delivery and queue row, queue it now.
            const existing = await deliveries.getEntity<DeliveryEntity>(partitionKey, entity.rowKey);
            if (existing.state === 'queued' && !existing.activityId) toPend.push(entity.conversationId);
          }
        }
      }
    }
    await pend(message.id, toPend, (message.sendAt ?? clock.now()).toISOString(), 1);
    return { created, existing: byId.size - created };
  };

  const deliveriesOf = async (messageId: string): Promise<DeliveryRecord[]> => {
    const client = await tables.table(DELIVERIES);
    const out: DeliveryRecord[] = [];
    try {
      const filter = odata`PartitionKey eq ${encodeKey(messageId)}`;
      for await (const entity of client.listEntities<DeliveryEntity>({ queryOptions: { filter } })) {
        out.push(toDelivery(messageId, entity));
      }
    } catch (error) {
      throw toStoreError(error, `meldingen ${messageId}`);
    }
    return out;
  };

  /**
   * One range query over the messages' partitions when their keys share a prefix long enough to
   * narrow the scan (a campaign's `rapport-2026-H2-…`); else one query per message.
   */
  const deliveriesOfMany = async (messageIds: readonly string[]): Promise<Map<string, DeliveryRecord[]>> => {
    const byKey = new Map(messageIds.map((id) => [encodeKey(id), id]));
    const keys = [...byKey.keys()];
    const out = new Map(messageIds.map((id) => [id, [] as DeliveryRecord[]]));
    if (keys.length === 0) return out;
    let prefix = keys[0]!;
    for (const key of keys) while (!key.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (keys.length < 3 || prefix.length < 12) {
      for (const id of messageIds) out.set(id, await deliveriesOf(id));
      return out;
    }
    const client = await tables.table(DELIVERIES);
    try {
      const filter = odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}\uffff`}`;
      for await (const entity of client.listEntities<DeliveryEntity>({ queryOptions: { filter } })) {
        const id = byKey.get(entity.partitionKey!);
        if (id !== undefined) out.get(id)!.push(toDelivery(id, entity));
      }
    } catch (error) {
      throw toStoreError(error, 'meldingene');
    }
    return out;
  };

  /** Changes the message row under its ETag, then queues every delivery that is not final. */
  const changeMessage = async (
    messageId: string,
    change: (message: StoredMessage) => { activity: OutgoingActivity; withdrawn: boolean },
    hurry: boolean,
  ): Promise<void> => {
    const client = await tables.table(MESSAGES);
    let entity: MessageEntity & { etag: string };
    try {
      entity = await client.getEntity<MessageEntity>(encodeKey(messageId), 'm');
    } catch (error) {
      throw toStoreError(error, `meldingen ${messageId}`);
    }
    const current = await readMessage(messageId);
    if (!current) throw toStoreError({ statusCode: 404 }, `meldingen ${messageId}`);
    const next = change(current);
    try {
      await writeMessage(
        messageId,
        next.activity,
        {
          version: entity.version + 1,
          withdrawn: next.withdrawn,
          createdAt: entity.createdAt,
          ...(entity.kind ? { kind: entity.kind } : {}),
        },
        { etag: entity.etag },
      );
    } catch (error) {
      if (error instanceof MessageTooLargeError) throw error;
      throw toStoreError(error, `meldingen ${messageId}`);
    }
    const open = (await deliveriesOf(messageId)).filter((d) => d.state === 'queued' || d.state === 'sent');
    await pend(
      messageId,
      open.map((d) => d.conversationId),
      clock.now().toISOString(),
      entity.version + 1,
      hurry,
    );
  };

  const due = async (now: Date, limit: number): Promise<PendingItem[]> => {
    const client = await tables.table(PENDING);
    // dueAt is stored as an ISO string, so it is compared as one (a Date would become datetime'…').
    const filter = odata`PartitionKey eq ${PENDING_PARTITION} and dueAt le ${now.toISOString()}`;
    const out: PendingItem[] = [];
    try {
      for await (const page of client
        .listEntities<PendingEntity>({ queryOptions: { filter } })
        .byPage({ maxPageSize: limit })) {
        for (const entity of page) {
          out.push({
            messageId: entity.messageId,
            conversationId: entity.conversationId,
            dueAt: entity.dueAt,
            etag: entity.etag,
            version: entity.version ?? 1,
          });
          if (out.length >= limit) return out;
        }
      }
    } catch (error) {
      throw toStoreError(error, 'utboksen');
    }
    return out;
  };

  const claim = async (items: readonly PendingItem[], until: Date): Promise<PendingItem[]> => {
    const client = await tables.table(PENDING);
    const dueAt = until.toISOString();
    const entityOf = (item: PendingItem) => ({
      partitionKey: PENDING_PARTITION,
      rowKey: pendingKey(item.messageId, item.conversationId),
      dueAt,
    });
    const claimOne = async (item: PendingItem): Promise<PendingItem | undefined> => {
      try {
        const response = await client.updateEntity(entityOf(item), 'Merge', { etag: item.etag });
        return { ...item, dueAt, etag: response.etag ?? '' };
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 404) return undefined; // another sender won it
        throw toStoreError(error, 'utboksen');
      }
    };
    const won: PendingItem[] = [];
    for (let i = 0; i < items.length; i += BATCH) {
      const chunk = items.slice(i, i + BATCH);
      // Each update is conditional on the ETag we read. One transaction claims the whole chunk;
      // if another sender took any of it, the transaction fails whole and we claim one by one.
      try {
        const response = await client.submitTransaction(
          chunk.map((item): TransactionAction => ['update', entityOf(item), 'Merge', { etag: item.etag }]),
        );
        chunk.forEach((item, j) => won.push({ ...item, dueAt, etag: response.subResponses[j]?.etag ?? '' }));
      } catch (error) {
        const status = statusOf(error);
        if (status !== 412 && status !== 404 && status !== 409) throw toStoreError(error, 'utboksen');
        for (const item of await Promise.all(chunk.map(claimOne))) if (item) won.push(item);
      }
    }
    return won;
  };

  const delivery = async (messageId: string, conversationId: string): Promise<DeliveryRecord | undefined> => {
    const client = await tables.table(DELIVERIES);
    try {
      return toDelivery(
        messageId,
        await client.getEntity<DeliveryEntity>(encodeKey(messageId), encodeKey(conversationId)),
      );
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, 'utboksen');
    }
  };

  const settle = async (item: PendingItem, record: DeliveryRecord, outcome: Outcome): Promise<void> => {
    const now = clock.now().toISOString();
    const fields = settledFields(record, outcome);
    if (fields) {
      const client = await tables.table(DELIVERIES);
      try {
        await client.updateEntity(
          {
            partitionKey: encodeKey(record.messageId),
            rowKey: encodeKey(record.conversationId),
            ...fields,
            updatedAt: now,
          },
          'Merge',
        );
      } catch (error) {
        throw toStoreError(error, 'utboksen');
      }
    }
    const pending = await tables.table(PENDING);
    const rowKey = pendingKey(item.messageId, item.conversationId);
    try {
      if (outcome.kind === 'retry') {
        await pending.updateEntity(
          { partitionKey: PENDING_PARTITION, rowKey, dueAt: outcome.at.toISOString() },
          'Merge',
          {
            etag: item.etag,
          },
        );
      } else {
        await pending.deleteEntity(PENDING_PARTITION, rowKey, { etag: item.etag });
      }
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return;
      if (status !== 412) throw toStoreError(error, 'utboksen');
      // The message changed while we held the lease: look at this delivery again now.
      const at = outcome.kind === 'retry' ? outcome.at.toISOString() : now;
      await pending.updateEntity({ partitionKey: PENDING_PARTITION, rowKey, dueAt: at }, 'Merge');
    }
  };

  return {
    enqueue,
    // A revision keeps a scheduled send's time; a withdrawal takes effect at once.
    revise: (messageId, activity) =>
      changeMessage(messageId, (m) => ({ activity, withdrawn: m.withdrawn }), false),
    withdraw: (messageId) =>
      changeMessage(messageId, (m) => ({ activity: m.activity, withdrawn: true }), true),
    deliveries: deliveriesOf,
    deliveriesOfMany,
    message: readMessage,
    freshMessage,
    due,
    claim,
    delivery,
    settle,
  };
}

function settledFields(record: DeliveryRecord, outcome: Outcome): Record<string, unknown> | undefined {
  switch (outcome.kind) {
    case 'posted':
      // `attempts` counts failures in a row: it decides backoff and the dead letter.
      return {
        state: 'sent',
        activityId: outcome.activityId,
        deliveredVersion: outcome.version,
        attempts: 0,
        lastError: '',
      };
    case 'updated':
      return { deliveredVersion: outcome.version, attempts: 0, lastError: '' };
    case 'deleted':
      return { state: 'deleted', attempts: 0 };
    case 'cancelled':
      return { state: 'cancelled' };
    case 'nothing':
      return undefined;
    case 'retry':
      return { attempts: record.attempts + 1, lastError: outcome.failure.reason };
    case 'gave-up':
      return {
        state: outcome.failure.kind === 'not-installed' ? 'not-installed' : 'failed',
        attempts: record.attempts + 1,
        lastError: outcome.failure.reason,
      };
  }
}
