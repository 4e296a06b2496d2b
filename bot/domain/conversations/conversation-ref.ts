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

export function encodeKey(value: string): string {
  return encodeURIComponent(value).replace(/'/g, '%27').replace(/\*/g, '%2A');
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}
