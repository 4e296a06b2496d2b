import type { ConversationRef } from '../../bot/domain/conversations/conversation-ref.js';

/** Conversation references pointing at a (local) connector: channels and personal chats. */
export function references(
  serviceUrl: string,
  channels: number,
  personal = 0,
  prefix = 'c',
): ConversationRef[] {
  const refs: ConversationRef[] = [];
  for (let i = 0; i < channels; i++) {
    refs.push({
      channelId: 'msteams',
      serviceUrl,
      conversation: {
        id: `19:${prefix}${i}@thread.tacv2`,
        conversationType: 'channel',
        tenantId: 'tenant',
        isGroup: true,
      },
      bot: { id: '28:planpuls', name: 'Planpuls' },
    });
  }
  for (let i = 0; i < personal; i++) {
    refs.push({
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:${prefix}person${i}`, conversationType: 'personal', tenantId: 'tenant' },
      bot: { id: '28:planpuls', name: 'Planpuls' },
    });
  }
  return refs;
}

export function card(text: string, padding = 0): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [
            { type: 'TextBlock', text, wrap: true },
            ...(padding ? [{ type: 'TextBlock', text: 'x'.repeat(padding) }] : []),
          ],
        },
      },
    ],
  };
}
