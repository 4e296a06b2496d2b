import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRef } from '../domain/conversations/conversation-ref.js';
import type { Seen } from '../use-cases/track-installations.js';

/** The parts of an incoming activity's conversation reference that we store. */
export function referenceOf(activity: Partial<Activity>): ConversationRef {
  const ref = TurnContext.getConversationReference(activity);
  return {
    channelId: ref.channelId ?? 'msteams',
    serviceUrl: ref.serviceUrl ?? '',
    conversation: {
      id: ref.conversation?.id ?? '',
      ...(ref.conversation?.conversationType ? { conversationType: ref.conversation.conversationType } : {}),
      ...(ref.conversation?.tenantId ? { tenantId: ref.conversation.tenantId } : {}),
      ...(ref.conversation?.isGroup !== undefined ? { isGroup: ref.conversation.isGroup } : {}),
    },
    bot: { id: ref.bot?.id ?? '', ...(ref.bot?.name ? { name: ref.bot.name } : {}) },
    // In a personal chat the user is the chat's other party: their Teams id (MRI) is what a
    // card's user-specific refresh names.
    ...(ref.conversation?.conversationType === 'personal' && ref.user?.id
      ? {
          user: {
            id: ref.user.id,
            ...(ref.user.aadObjectId ? { aadObjectId: ref.user.aadObjectId.toLowerCase() } : {}),
          },
        }
      : {}),
  };
}

interface TeamsChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
  tenant?: { id?: string };
}

export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

/** Everything an activity tells about the conversation it came from. */
export function seenFrom(activity: Partial<Activity>): Seen {
  const data = channelDataOf(activity);
  const reference = referenceOf(activity);
  if (!reference.conversation.tenantId && data.tenant?.id) {
    (reference.conversation as { tenantId?: string }).tenantId = data.tenant.id;
  }
  return {
    reference,
    ...(data.team?.id ? { teamId: data.team.id } : {}),
    ...(data.team?.name ? { teamName: data.team.name } : {}),
    ...(data.channel?.name ? { channelName: data.channel.name } : {}),
    // A group chat's topic, where Teams gives one, names it as a channel's name does.
    ...(!data.team?.id &&
    activity.conversation?.conversationType === 'groupChat' &&
    activity.conversation.name
      ? { channelName: activity.conversation.name }
      : {}),
    ...(activity.from?.aadObjectId ? { userAadObjectId: activity.from.aadObjectId } : {}),
    ...(activity.from?.aadObjectId && activity.from.id ? { userId: activity.from.id } : {}),
  };
}
