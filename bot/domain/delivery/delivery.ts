/**
 * The delivery model: a message (one payload, versioned) goes to many conversations; each
 * (message, conversation) pair is a delivery with its own state. A delivery is reconciled
 * towards the message's desired state: posted once, then updated or deleted as the message is.
 */
export type DeliveryState =
  /** Waiting to be posted (or retried). */
  | 'queued'
  /** Posted; `activityId` is known, and `deliveredVersion` tells which version is shown. */
  | 'sent'
  /** Gave up: a permanent error or too many attempts (dead letter). */
  | 'failed'
  /** The app is not installed in the conversation (any more). */
  | 'not-installed'
  /** Cancelled before it was posted. */
  | 'cancelled'
  /** Posted, then deleted again. */
  | 'deleted';

export const FINAL_STATES: ReadonlySet<DeliveryState> = new Set([
  'failed',
  'not-installed',
  'cancelled',
  'deleted',
]);

export interface MessageState {
  readonly id: string;
  readonly version: number;
  /** Cancelled before sending, or deleted after: either way nobody should see it. */
  readonly withdrawn: boolean;
}

export interface DeliveryStatus {
  readonly state: DeliveryState;
  readonly activityId: string | undefined;
  readonly deliveredVersion: number;
}

export type DeliveryAction = 'post' | 'update' | 'delete' | 'cancel' | 'done';

/**
 * A post the channel accepted (2xx) without telling the message's id (the Agents Playground
 * answers a card with text so, 202 and no body). It is delivered: posting it again would show it
 * twice. It cannot be updated or deleted later; those become no-ops.
 */
export const ACTIVITY_ID_UNKNOWN = '?';

/** What to do next for one delivery. */
export function nextAction(message: MessageState, delivery: DeliveryStatus): DeliveryAction {
  if (FINAL_STATES.has(delivery.state)) return 'done';
  if (message.withdrawn) return delivery.activityId ? 'delete' : 'cancel';
  if (!delivery.activityId) return 'post';
  if (delivery.deliveredVersion < message.version) return 'update';
  return 'done';
}

/** Largest payload Teams accepts in one message. */
export const MAX_MESSAGE_BYTES = 80 * 1024;

export function payloadBytes(activity: unknown): number {
  return new TextEncoder().encode(JSON.stringify(activity)).length;
}
