import type { ConversationRef } from '../domain/conversations/conversation-ref.js';
import type { DeliveryFailure } from '../domain/delivery/retry-policy.js';
import type { DeliveryState } from '../domain/delivery/delivery.js';

/** An activity to post, as plain JSON (type, text, attachments …). */
export type OutgoingActivity = Record<string, unknown>;

/** Reaches conversations in Teams. Failures throw ConnectorError. */
export interface Connector {
  post(reference: ConversationRef, activity: OutgoingActivity): Promise<string>;
  update(reference: ConversationRef, activityId: string, activity: OutgoingActivity): Promise<void>;
  delete(reference: ConversationRef, activityId: string): Promise<void>;
}

export class ConnectorError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    options?: { cause?: unknown },
  ) {
    super(`connector: ${failure.reason}`, options);
    this.name = 'ConnectorError';
  }
}

export interface NewMessage {
  /** Deterministic: the same logical message always gets the same id. */
  readonly id: string;
  readonly activity: OutgoingActivity;
  /** Not before this time (scheduled send); default now. */
  readonly sendAt?: Date;
  /** What produced it, for status views: `broadcast`, `reminder`, … */
  readonly kind?: string;
}

export interface StoredMessage {
  readonly id: string;
  readonly version: number;
  readonly withdrawn: boolean;
  readonly activity: OutgoingActivity;
  readonly kind: string | undefined;
  readonly createdAt: string;
}

export interface DeliveryRecord {
  readonly messageId: string;
  readonly conversationId: string;
  readonly reference: ConversationRef;
  readonly state: DeliveryState;
  readonly activityId: string | undefined;
  readonly deliveredVersion: number;
  readonly attempts: number;
  readonly lastError: string | undefined;
  readonly updatedAt: string;
  readonly etag: string;
}

/** One row of the ready queue: "this delivery needs attention from `dueAt` on". */
export interface PendingItem {
  readonly messageId: string;
  readonly conversationId: string;
  readonly dueAt: string;
  readonly etag: string;
  /** The message version this item was queued for: a cached older copy must not be used. */
  readonly version: number;
}

export interface EnqueueResult {
  /** Deliveries created now; the rest existed (the message was queued there before). */
  readonly created: number;
  readonly existing: number;
}

/** The write side of the outbox, used by whoever sends messages. */
export interface Outbox {
  /** Queues a message for conversations; safe to repeat (ids are deterministic). */
  enqueue(message: NewMessage, targets: readonly ConversationRef[]): Promise<EnqueueResult>;
  /** Replaces the payload; posted copies are updated, unposted ones get the new version. */
  revise(messageId: string, activity: OutgoingActivity): Promise<void>;
  /** Cancels unposted copies and deletes posted ones. */
  withdraw(messageId: string): Promise<void>;
  deliveries(messageId: string): Promise<DeliveryRecord[]>;
  /**
   * The deliveries of many messages whose ids share a long prefix (a campaign's request cards),
   * in one range query where the store can; by message id.
   */
  deliveriesOfMany(messageIds: readonly string[]): Promise<Map<string, DeliveryRecord[]>>;
  message(messageId: string): Promise<StoredMessage | undefined>;
}

export type Outcome =
  | { readonly kind: 'posted'; readonly activityId: string; readonly version: number }
  | { readonly kind: 'updated'; readonly version: number }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'retry'; readonly failure: DeliveryFailure; readonly at: Date }
  | { readonly kind: 'gave-up'; readonly failure: DeliveryFailure };

/** The read side, used by the sender that drains the outbox. */
export interface OutboxQueue {
  due(now: Date, limit: number): Promise<PendingItem[]>;
  /** Leases items until `until`; returns the ones this caller won. */
  claim(items: readonly PendingItem[], until: Date): Promise<PendingItem[]>;
  delivery(messageId: string, conversationId: string): Promise<DeliveryRecord | undefined>;
  message(messageId: string): Promise<StoredMessage | undefined>;
  /** The message at `minVersion` or later, from a short-lived cache when it has one. */
  freshMessage(messageId: string, minVersion: number): Promise<StoredMessage | undefined>;
  /** Records what happened and releases the item (or reschedules it for a retry). */
  settle(item: PendingItem, delivery: DeliveryRecord, outcome: Outcome): Promise<void>;
}

/** One row of the senders' heartbeat table, as read. */
export interface SenderRow {
  readonly id: string;
  readonly lastSeen: Date;
  readonly etag: string;
}

/** The heartbeat rows of the senders that share Teams' budgets (one row per instance). */
export interface SenderDirectory {
  /** Creates or replaces this sender's row. */
  beat(id: string, lastSeen: Date): Promise<void>;
  list(): Promise<SenderRow[]>;
  /** Removes a row; with an ETag only if nobody wrote it since (else false). */
  remove(id: string, etag?: string): Promise<boolean>;
}
