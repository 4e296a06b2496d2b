import type { ConversationKind, ConversationRef } from './conversation-ref.js';

/** A place the bot is installed: a team channel, a group chat or a personal chat. */
export interface Installation {
  readonly conversationId: string;
  readonly kind: ConversationKind;
  readonly reference: ConversationRef;
  readonly teamId?: string;
  readonly teamName?: string;
  /** The channel's name; Teams gives none for General. */
  readonly channelName?: string;
  /** For a personal chat: whose it is. */
  readonly userAadObjectId?: string;
  /** Stale: uninstalled, deleted, or Teams answered that the bot is not in it. */
  readonly status: 'active' | 'stale';
  readonly staleReason?: string;
  readonly updatedAt: string;
}

export function kindOf(conversationType: string | undefined): ConversationKind {
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  return 'personal';
}

/** The name people see for a channel: General has no name of its own in the Teams API. */
export function channelDisplayName(
  installation: Pick<Installation, 'channelName' | 'teamName' | 'kind'>,
): string {
  if (installation.kind !== 'channel') return installation.channelName ?? '';
  const channel = installation.channelName ?? 'Generelt';
  return installation.teamName ? `${installation.teamName} › ${channel}` : channel;
}
