/** Where a conversation is and how to reach it: the parts of a Bot Framework conversation reference we keep. */
export interface ConversationRef {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly conversation: {
    readonly id: string;
    readonly conversationType?: string;
    readonly tenantId?: string;
    readonly isGroup?: boolean;
  };
  readonly bot: { readonly id: string; readonly name?: string };
  readonly user?: { readonly id: string; readonly name?: string; readonly aadObjectId?: string };
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** Storage-safe key for a conversation id (Table keys may not hold `/ \ # ?` and we use `|`). */
export function conversationKey(conversationId: string): string {
  return encodeKey(conversationId);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Storage-safe key for any string. A lone surrogate (which `encodeURIComponent` throws on) becomes
 * U+FFFD first: no real id holds one, so such a key finds nothing instead of failing as if storage
 * were down.
 */
export function encodeKey(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'))
    .replace(/'/g, '%27')
    .replace(/\*/g, '%2A');
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}
