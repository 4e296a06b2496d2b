import { randomUUID } from 'node:crypto';
import { maySend, type Audience } from '../../domain/agenda/audience.js';
import { linkProblems, markdownProblems, MAX_READING, MAX_TITLE } from '../../domain/agenda/markdown.js';
import { problem, type Problem } from '../../domain/problems.js';
import type { DeliveryRecord } from '../../delivery/ports.js';
import type { Access } from '../access.js';
import { personalChats } from '../agenda/agenda-deps.js';
import type { BroadcastDeps } from './broadcast-deps.js';
import type { Acknowledgement, Broadcast } from './broadcast-repository.js';
import { recipientNames, type RecipientName } from './recipient-names.js';
import { currentPlan } from '../read-plan.js';
import { parseAudiences, resolveAudiences, type Reach } from './resolve-audience.js';
import type { Unreached } from './unreached.js';
import { conflict, forbidden, invalidInput, notFound, refuse } from '../refusals.js';

/**
 * A broadcast as the sender wrote it, already read by the edge's schema (its limits and the
 * card's markdown rule); a new draft has every field, a change the fields it changes.
 */
export interface BroadcastInput {
  readonly title?: string;
  readonly text?: string;
  readonly link?: string;
  readonly reading?: string;
  readonly audiences?: readonly string[];
}

export const broadcastMessageId = (id: string) => `broadcast-${id}`;

/** Networks and units by the names people know them by (`programme:lp` → «LP – Læringsmiljø …»). */
async function audienceNames(deps: BroadcastDeps): Promise<Map<string, string>> {
  const plan = (await currentPlan(deps.read))?.plan;
  return new Map([
    ...(plan?.programmes ?? []).map((p) => [`programme:${p.id}`, p.name] as const),
    ...(plan?.units ?? []).map((u) => [`unit:${u.id}`, u.name] as const),
  ]);
}

/** Refuses anyone who may not send to these audiences (checked on the server, every time). */
async function authorise(deps: BroadcastDeps, access: Access, audiences: readonly string[]): Promise<void> {
  const sender = { roles: access.roles, coordinates: access.person?.coordinates ?? [] };
  const parsed = parseAudiences(audiences);
  if (maySend(sender, parsed).allowed) return;
  const names = await audienceNames(deps);
  const nameOf = (a: Audience) =>
    a.kind === 'role' || a.kind === 'conversation' ? undefined : names.get(`${a.kind}:${a.id}`);
  const verdict = maySend(sender, parsed, nameOf);
  if (!verdict.allowed) throw forbidden([verdict.problem]);
}

/** Where the audiences reach now, with who is left out, by name. */
async function reach(deps: BroadcastDeps, audiences: readonly string[]): Promise<Reach> {
  return resolveAudiences({ ...deps, names: await audienceNames(deps) }, parseAudiences(audiences));
}

/**
 * The message's fields after a change: a title and a text are needed, and every text a card
 * shows passes the card's markdown rule (again here, for drafts stored before the edge checked
 * titles). An empty link or reading means none.
 */
function validated(
  input: BroadcastInput,
): Pick<Broadcast, 'title' | 'text' | 'link' | 'reading' | 'audiences'> {
  const problems: Problem[] = [];
  const title = input.title?.trim() ?? '';
  const text = input.text ?? '';
  if (!title) problems.push(problem('BROADCAST_TITLE_MISSING', {}));
  if (!text.trim()) problems.push(problem('BROADCAST_TEXT_MISSING', {}));
  problems.push(...markdownProblems(title, { kind: 'input', name: 'title' }, MAX_TITLE));
  problems.push(...markdownProblems(text));
  const link = input.link?.trim() || undefined;
  problems.push(...linkProblems(link));
  const reading = input.reading?.trim() || undefined;
  if (reading) problems.push(...markdownProblems(reading, { kind: 'input', name: 'reading' }, MAX_READING));
  const audiences = [...(input.audiences ?? [])];
  parseAudiences(audiences);
  if (problems.length > 0) throw invalidInput(problems);
  return { title, text, audiences, ...(link ? { link } : {}), ...(reading ? { reading } : {}) };
}

export async function createDraft(
  deps: BroadcastDeps,
  access: Access,
  input: BroadcastInput,
): Promise<Broadcast> {
  const fields = validated(input);
  await authorise(deps, access, fields.audiences);
  const broadcast: Broadcast = {
    id: randomUUID(),
    ...fields,
    createdBy: access.principal.aadObjectId,
    createdAt: deps.clock.now().toISOString(),
    status: 'draft',
    previews: 0,
  };
  await deps.broadcasts.save(broadcast);
  return broadcast;
}

async function own(deps: BroadcastDeps, access: Access, id: string): Promise<Broadcast> {
  const broadcast = await deps.broadcasts.get(id);
  if (!broadcast) throw refuse(notFound, 'BROADCAST_NOT_FOUND');
  if (broadcast.createdBy !== access.principal.aadObjectId && !access.roles.has('admin'))
    throw refuse(forbidden, 'BROADCAST_NOT_YOURS');
  return broadcast;
}

export async function updateDraft(
  deps: BroadcastDeps,
  access: Access,
  id: string,
  input: BroadcastInput,
): Promise<Broadcast> {
  const broadcast = await own(deps, access, id);
  if (broadcast.status !== 'draft') throw refuse(conflict, 'BROADCAST_NOT_DRAFT');
  const fields = validated({ ...broadcast, ...input });
  await authorise(deps, access, fields.audiences);
  const updated = { ...broadcast, ...fields };
  await deps.broadcasts.save(updated);
  return updated;
}

/** Sends a copy to the sender's own personal chat only. */
export async function previewBroadcast(deps: BroadcastDeps, access: Access, id: string): Promise<void> {
  const broadcast = await own(deps, access, id);
  const chats = await personalChats(deps.registry, access.principal.aadObjectId);
  if (chats.length === 0) throw refuse(conflict, 'NO_PERSONAL_CHAT');
  const previews = broadcast.previews + 1;
  await deps.broadcasts.save({ ...broadcast, previews });
  await deps.outbox.enqueue(
    {
      id: `${broadcastMessageId(id)}-preview-${previews}`,
      activity: deps.renderBroadcast(broadcast, { preview: true }),
      kind: 'broadcast-preview',
    },
    chats,
  );
}

/** Sends now, or at `sendAt`, through the outbox: each conversation once. */
export async function sendBroadcast(
  deps: BroadcastDeps,
  access: Access,
  id: string,
  sendAt?: string,
): Promise<{ recipients: number; sendAt: string; unreached: readonly Unreached[] }> {
  const broadcast = await own(deps, access, id);
  await authorise(deps, access, broadcast.audiences);
  if (broadcast.status !== 'draft') throw refuse(conflict, 'BROADCAST_ALREADY_SENT');
  const now = deps.clock.now();
  let at = now;
  if (sendAt) {
    // The edge read it as an ISO 8601 instant (bot/http/schemas.ts).
    at = new Date(sendAt);
    if (at < now) at = now;
  }
  const { targets, unreached } = await reach(deps, broadcast.audiences);
  if (targets.length === 0)
    throw unreached.length > 0
      ? refuse(invalidInput, 'BROADCAST_REACHES_NOBODY', { unreached })
      : refuse(invalidInput, 'AUDIENCE_NO_PLACE');
  await deps.outbox.enqueue(
    {
      id: broadcastMessageId(id),
      activity: deps.renderBroadcast(broadcast, { preview: false }),
      sendAt: at,
      kind: 'broadcast',
    },
    targets,
  );
  await deps.broadcasts.save({
    ...broadcast,
    status: at > now ? 'scheduled' : 'sent',
    sendAt: at.toISOString(),
    recipients: targets.length,
    unreached,
  });
  return { recipients: targets.length, sendAt: at.toISOString(), unreached };
}

/**
 * Where a send would go now, by name, without sending: for the sender to confirm first. Also who
 * it would not reach and why (no personal chat yet, no linked channel, …).
 */
export async function previewAudience(
  deps: BroadcastDeps,
  access: Access,
  id: string,
): Promise<{ recipients: RecipientName[]; unreached: Unreached[] }> {
  const broadcast = await own(deps, access, id);
  await authorise(deps, access, broadcast.audiences);
  const { targets, unreached } = await reach(deps, broadcast.audiences);
  return {
    unreached,
    recipients: await recipientNames(
      { registry: deps.registry, people: deps.access.people },
      targets.map((reference) => ({ conversationId: reference.conversation.id, reference })),
    ),
  };
}

/** A scheduled broadcast whose time has come is being sent; storage keeps the status it was given. */
export function currentStatus(broadcast: Broadcast, now: Date): Broadcast['status'] {
  if (broadcast.status === 'scheduled' && broadcast.sendAt && Date.parse(broadcast.sendAt) <= now.getTime())
    return 'sent';
  return broadcast.status;
}

/** Cancelling applies while something is still to be sent: before the time, or copies in the queue. */
function cancellable(broadcast: Broadcast, deliveries: readonly DeliveryRecord[], now: Date): boolean {
  const status = currentStatus(broadcast, now);
  if (status === 'scheduled') return true;
  return status === 'sent' && deliveries.some((d) => d.state === 'queued');
}

/** Cancels a scheduled or running send: unsent copies are cancelled, posted ones deleted. */
export async function cancelBroadcast(deps: BroadcastDeps, access: Access, id: string): Promise<void> {
  const broadcast = await own(deps, access, id);
  if (broadcast.status === 'draft') throw refuse(conflict, 'BROADCAST_NOT_SENT');
  if (broadcast.status === 'cancelled') throw refuse(conflict, 'BROADCAST_CANCELLED');
  const deliveries = await deps.outbox.deliveries(broadcastMessageId(id));
  if (!cancellable(broadcast, deliveries, deps.clock.now()))
    throw refuse(conflict, 'BROADCAST_NOTHING_TO_CANCEL');
  await withdrawRacingTheSender(deps, broadcastMessageId(id));
  await deps.broadcasts.save({ ...broadcast, status: 'cancelled' });
}

/**
 * During a running send, the outbox's withdraw can lose a race with the sender: it touches a
 * queue row the sender has just settled and removed, and Azure Tables answers 404 (a raw
 * RestError from `pend` in table-outbox.ts). The message is already marked withdrawn by then, so
 * withdrawing again is safe and re-queues what is still open. Other failures are not retried.
 */
async function withdrawRacingTheSender(deps: BroadcastDeps, messageId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.outbox.withdraw(messageId);
      return;
    } catch (error) {
      if (attempt >= 5 || (error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

export interface BroadcastStatus {
  readonly broadcast: Broadcast;
  /** Each conversation the send reached, named as people know it. */
  readonly recipients: readonly (RecipientName & {
    state: DeliveryRecord['state'];
    error: string | null;
    updatedAt: string;
  })[];
  readonly counts: Readonly<Record<string, number>>;
  readonly acknowledgements: readonly Acknowledgement[];
  /** What the sender can still do: cancel only while something is left to send. */
  readonly actions: { readonly cancel: boolean };
}

export async function broadcastStatus(
  deps: BroadcastDeps,
  access: Access,
  id: string,
): Promise<BroadcastStatus> {
  const stored = await own(deps, access, id);
  const now = deps.clock.now();
  const deliveries = await deps.outbox.deliveries(broadcastMessageId(id));
  const counts: Record<string, number> = {};
  for (const d of deliveries) counts[d.state] = (counts[d.state] ?? 0) + 1;
  const names = await recipientNames({ registry: deps.registry, people: deps.access.people }, deliveries);
  return {
    broadcast: { ...withRecipients(stored, deliveries.length), status: currentStatus(stored, now) },
    recipients: deliveries.map((d, i) => ({
      ...names[i]!,
      state: d.state,
      error: d.lastError ?? null,
      updatedAt: d.updatedAt,
    })),
    counts,
    acknowledgements: await deps.broadcasts.acknowledgements(id),
    actions: { cancel: cancellable(stored, deliveries, now) },
  };
}

/** Broadcasts sent before the count was stored count their deliveries. */
function withRecipients(broadcast: Broadcast, deliveries: number): Broadcast {
  return broadcast.status === 'draft' || broadcast.recipients !== undefined
    ? broadcast
    : { ...broadcast, recipients: deliveries };
}

export async function listBroadcasts(deps: BroadcastDeps, access: Access): Promise<Broadcast[]> {
  if (!access.roles.has('admin') && !access.roles.has('koordinator'))
    throw refuse(forbidden, 'BROADCAST_SENDERS_ONLY');
  const all = await deps.broadcasts.list();
  const mine = access.roles.has('admin')
    ? all
    : all.filter((b) => b.createdBy === access.principal.aadObjectId);
  const now = deps.clock.now();
  return Promise.all(
    mine.map(async (b) => {
      const counted =
        b.status === 'draft' || b.recipients !== undefined
          ? b
          : withRecipients(b, (await deps.outbox.deliveries(broadcastMessageId(b.id))).length);
      return { ...counted, status: currentStatus(b, now) };
    }),
  );
}

/** "Lest": records that someone has done the reading. */
export async function acknowledgeBroadcast(
  deps: BroadcastDeps,
  principal: { aadObjectId: string; name?: string },
  id: string,
): Promise<boolean> {
  if (!(await deps.broadcasts.get(id))) return false;
  await deps.broadcasts.acknowledge(id, {
    aadObjectId: principal.aadObjectId,
    ...(principal.name ? { name: principal.name } : {}),
    at: deps.clock.now().toISOString(),
  });
  return true;
}
