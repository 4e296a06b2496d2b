import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';

/** Conversations from several lists, each once. */
export function uniqueRefs(lists: readonly (readonly ConversationRef[])[]): ConversationRef[] {
  const byId = new Map<string, ConversationRef>();
  for (const list of lists) for (const ref of list) byId.set(ref.conversation.id, ref);
  return [...byId.values()];
}
