import { isTeamsUserId, type TeamsUserIds } from './teams-user-ids.js';
import type { ConversationRef } from '../domain/conversations/conversation-ref.js';
import { kindOf } from '../domain/conversations/installation.js';
import type { Logger } from '../log/logger.js';
import type { InstallationRegistry } from './installation-registry.js';
import type { TeamsDirectory } from './teams-directory.js';

export interface TrackDeps {
  registry: InstallationRegistry;
  directory: TeamsDirectory;
  logger: Logger;
  /** Where the Teams user ids of people who act are kept (for per-user card refreshes). */
  teamsUsers?: TeamsUserIds;
}

/** What an incoming activity tells about where it came from. */
export interface Seen {
  readonly reference: ConversationRef;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly channelName?: string;
  readonly userAadObjectId?: string;
  /** The acting user's Teams id (`29:…`), when a person acted. */
  readonly userId?: string;
}

/** Any activity from a conversation proves the bot is there: record or revive it. */
export async function recordSeen(deps: TrackDeps, seen: Seen): Promise<void> {
  const kind = kindOf(seen.reference.conversation.conversationType);
  // Called first, so this process knows the user's id before anything else of the turn runs. A
  // personal chat's row below holds the id already.
  const remembered =
    kind !== 'personal' && deps.teamsUsers && seen.userAadObjectId && isTeamsUserId(seen.userId)
      ? deps.teamsUsers.remember(seen.userAadObjectId, seen.userId).catch((error: unknown) => {
          deps.logger.warn('could not store the Teams user id', { error });
        })
      : undefined;
  // In a channel, a reply chain's id carries ";messageid=…"; the channel is the part before it.
  const conversationId = seen.reference.conversation.id.split(';')[0]!;
  await deps.registry.record({
    conversationId,
    kind,
    reference: { ...seen.reference, conversation: { ...seen.reference.conversation, id: conversationId } },
    ...(seen.teamId ? { teamId: seen.teamId } : {}),
    ...(seen.teamName ? { teamName: seen.teamName } : {}),
    ...(seen.channelName ? { channelName: seen.channelName } : {}),
    ...(kind === 'personal' && seen.userAadObjectId ? { userAadObjectId: seen.userAadObjectId } : {}),
  });
  await remembered;
}

/**
 * The bot was added to a team: record every channel (fetched from the Teams API, not only
 * General) and mark channels that no longer exist as stale.
 */
export async function recordTeam(
  deps: TrackDeps,
  team: { id: string; name?: string; reference: ConversationRef },
): Promise<void> {
  let channels: { id: string; name?: string }[];
  try {
    channels = await deps.directory.channels(team.reference.serviceUrl, team.id);
  } catch (error) {
    deps.logger.warn('could not list the channels of a team; recording General only', {
      teamId: team.id,
      error,
    });
    channels = [{ id: team.id }];
  }
  const known = await deps.registry.list({ teamId: team.id, kind: 'channel' });
  for (const channel of channels) await recordChannel(deps, team, channel);
  const present = new Set(channels.map((c) => c.id));
  for (const gone of known.filter((k) => !present.has(k.conversationId) && k.status === 'active')) {
    await deps.registry.markStale(gone.conversationId, 'kanalen finnes ikke lenger');
  }
}

export async function recordChannel(
  deps: Pick<TrackDeps, 'registry'>,
  team: { id: string; name?: string; reference: ConversationRef },
  channel: { id: string; name?: string },
): Promise<void> {
  await deps.registry.record({
    conversationId: channel.id,
    kind: 'channel',
    reference: {
      ...team.reference,
      conversation: {
        id: channel.id,
        conversationType: 'channel',
        isGroup: true,
        ...tenantOf(team.reference),
      },
    },
    teamId: team.id,
    ...(team.name ? { teamName: team.name } : {}),
    ...(channel.name ? { channelName: channel.name } : {}),
  });
}

/** The team was renamed: every channel shows the new name. */
export async function renameTeam(
  deps: Pick<TrackDeps, 'registry'>,
  teamId: string,
  name: string,
): Promise<void> {
  for (const installation of await deps.registry.list({ teamId })) {
    await deps.registry.record({ ...installation, teamName: name });
  }
}

/** The bot left the team, or the team is gone: nothing there can be reached any more. */
export async function forgetTeam(
  deps: Pick<TrackDeps, 'registry'>,
  teamId: string,
  reason: string,
): Promise<void> {
  for (const installation of await deps.registry.list({ teamId })) {
    await deps.registry.markStale(installation.conversationId, reason);
  }
}

function tenantOf(reference: ConversationRef): { tenantId?: string } {
  return reference.conversation.tenantId ? { tenantId: reference.conversation.tenantId } : {};
}
