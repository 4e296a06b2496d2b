import { agendaOrder } from '../../domain/agenda/agenda-item.js';
import { agendaVersion } from '../../domain/agenda/item-rights.js';
import { ConflictError } from '../../domain/errors.js';
import { uniqueConversations } from '../../domain/agenda/audience.js';
import { zonedInstant } from '../../domain/agenda/zoned-time.js';
import type { Access } from '../access.js';
import { linkedChannels, personalChats, type AgendaDeps } from './agenda-deps.js';
import type { AgendaPublication } from './agenda-repository.js';
import { findMeeting, requireAgendaRunner, type Meeting } from './meeting.js';
import { requireSeen } from './stale.js';

/** Agendas go out at this local time on their publish day. */
const PUBLISH_TIME = '08:00';

export function agendaMessageId(planKey: string, eventId: string): string {
  return `agenda-${planKey}-${eventId}`;
}

/**
 * Publishes a meeting's agenda to its network's channels and participants' personal chats, each
 * once: scheduled for the publish day (default 7 days before), or now. Publishing again only
 * refreshes the card. `version` (the agenda version the coordinator saw) is required; an agenda
 * that changed since is refused, and of two coordinators publishing at once, one wins.
 */
export async function publishAgenda(
  deps: AgendaDeps,
  access: Access,
  eventId: string,
  options: { now?: boolean; version: unknown },
): Promise<AgendaPublication & { recipients: number }> {
  const meeting = await findMeeting(deps.read, eventId);
  requireAgendaRunner(access, meeting);
  const now = deps.read.clock.now();
  const scheduled = zonedInstant(meeting.publishDate, PUBLISH_TIME, deps.read.timeZone);
  const sendAt = options.now || scheduled <= now ? now : scheduled;
  const messageId = agendaMessageId(meeting.planKey, eventId);
  const existing = await deps.agenda.publication(meeting.planKey, eventId);
  const items = await deps.agenda.items(meeting.planKey, eventId);
  requireSeen(options.version, agendaVersion(items, existing !== undefined), 'agenda');
  const participants = (await deps.access.people.list()).filter((p) =>
    p.networks.includes(meeting.event.programme),
  );
  const targets = uniqueConversations([
    await linkedChannels(deps, { kind: 'programme', id: meeting.event.programme }),
    ...(await Promise.all(participants.map((p) => personalChats(deps.registry, p.aadObjectId)))),
  ]);
  const publication: AgendaPublication = existing ?? {
    planKey: meeting.planKey,
    eventId,
    messageId,
    publishedAt: now.toISOString(),
    sendAt: sendAt.toISOString(),
    publishedBy: access.principal.aadObjectId,
    revision: 0,
  };
  // The publication row is claimed first, so of two publishers only the winner queues.
  await deps.agenda.savePublication(publication, existing);
  const activity = deps.renderAgenda(await viewOf(deps, meeting, publication));
  if (existing) await deps.outbox.revise(messageId, activity);
  await deps.outbox.enqueue({ id: messageId, activity, sendAt, kind: 'agenda' }, targets);
  return { ...publication, recipients: targets.length };
}

/** How often a refresh that lost the race for the publication row reads again. */
const REFRESH_ATTEMPTS = 5;

/**
 * After a change, the published card is revised in place with an "Oppdatert" note. The change
 * itself is stored already, so a refresh that loses the race with another one reads the agenda
 * again and retries rather than failing the change.
 */
export async function refreshPublishedAgenda(deps: AgendaDeps, meeting: Meeting): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const publication = await deps.agenda.publication(meeting.planKey, meeting.event.id);
    if (!publication) return;
    const revised = { ...publication, revision: publication.revision + 1 };
    try {
      await deps.agenda.savePublication(revised, publication);
    } catch (error) {
      if (error instanceof ConflictError && attempt < REFRESH_ATTEMPTS) continue;
      throw error;
    }
    await deps.outbox.revise(publication.messageId, deps.renderAgenda(await viewOf(deps, meeting, revised)));
    return;
  }
}

async function viewOf(deps: AgendaDeps, meeting: Meeting, publication: AgendaPublication) {
  const items = agendaOrder(await deps.agenda.items(meeting.planKey, meeting.event.id));
  const updatedAt =
    publication.revision > 0
      ? deps.read.clock.now().toLocaleString('nb-NO', {
          timeZone: deps.read.timeZone,
          dateStyle: 'short',
          timeStyle: 'short',
        })
      : undefined;
  return {
    meeting: meeting.event.title,
    date: meeting.event.date,
    slots: meeting.event.slots,
    ...(meeting.event.location ? { location: meeting.event.location } : {}),
    items,
    ...(updatedAt ? { updatedAt } : {}),
  };
}
