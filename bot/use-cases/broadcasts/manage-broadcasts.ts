import { randomUUID } from 'node:crypto';
import { maySend, type Audience } from '../../domain/agenda/audience.js';
import { linkProblems, markdownProblems } from '../../domain/agenda/markdown.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import type { DeliveryRecord } from '../../delivery/ports.js';
import type { Access } from '../access.js';
import { personalChats } from '../agenda/agenda-deps.js';
import type { BroadcastDeps } from './broadcast-deps.js';
import type { Acknowledgement, Broadcast } from './broadcast-repository.js';
import { recipientNames, type RecipientName } from './recipient-names.js';
import { currentPlan } from '../read-plan.js';
import { parseAudiences, resolveAudiences, type Reach } from './resolve-audience.js';
import { unreachedText, type Unreached } from './unreached.js';

export interface BroadcastInput {
  title?: unknown;
  text?: unknown;
  link?: unknown;
  reading?: unknown;
  audiences?: unknown;
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

const ROLE_AUDIENCES: Readonly<Record<string, string>> = {
  admin: 'alle med rollen kommunalsjef',
  koordinator: 'alle med rollen koordinator',
  enhetsleder: 'alle med rollen enhetsleder',
  medlem: 'alle med rollen medlem',
};

/** Refuses anyone who may not send to these audiences (checked on the server, every time). */
async function authorise(deps: BroadcastDeps, access: Access, audiences: readonly string[]): Promise<void> {
  const sender = { roles: access.roles, coordinates: access.person?.coordinates ?? [] };
  const parsed = parseAudiences(audiences);
  if (maySend(sender, parsed).allowed) return;
  const names = await audienceNames(deps);
  const nameOf = (a: Audience) =>
    a.kind === 'role'
      ? ROLE_AUDIENCES[a.role]
      : a.kind === 'conversation'
        ? 'en valgt kanal eller chat'
        : names.get(`${a.kind}:${a.id}`);
  const verdict = maySend(sender, parsed, nameOf);
  if (!verdict.allowed) throw new ForbiddenError(verdict.reason);
}

/** Where the audiences reach now, with who is left out, by name. */
async function reach(deps: BroadcastDeps, audiences: readonly string[]): Promise<Reach> {
  return resolveAudiences({ ...deps, names: await audienceNames(deps) }, parseAudiences(audiences));
}

function validated(
  input: BroadcastInput,
): Pick<Broadcast, 'title' | 'text' | 'link' | 'reading' | 'audiences'> {
  const problems: string[] = [];
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  const text = typeof input.text === 'string' ? input.text : '';
  if (!title) problems.push('Meldingen må ha en tittel.');
  if (!text.trim()) problems.push('Meldingen må ha en tekst.');
  problems.push(...markdownProblems(text));
  const link = typeof input.link === 'string' && input.link.trim() ? input.link.trim() : undefined;
  problems.push(...linkProblems(link));
  const reading =
    typeof input.reading === 'string' && input.reading.trim() ? input.reading.trim() : undefined;
  const audiences = parseAudiences(input.audiences).length ? (input.audiences as string[]) : [];
  if (problems.length > 0) throw new BadRequestError(problems.join(' '));
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
  if (!broadcast) throw new NotFoundError('Fant ikke meldingen.');
  if (broadcast.createdBy !== access.principal.aadObjectId && !access.roles.has('admin'))
    throw new ForbiddenError('Beklager, dette er ikke din melding.');
  return broadcast;
}

export async function updateDraft(
  deps: BroadcastDeps,
  access: Access,
  id: string,
  input: BroadcastInput,
): Promise<Broadcast> {
  const broadcast = await own(deps, access, id);
  if (broadcast.status !== 'draft') throw new ConflictError('Meldingen er allerede sendt eller planlagt.');
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
  if (chats.length === 0)
    throw new ConflictError('Planpuls er ikke installert i din personlige chat; åpne appen i Teams først.');
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
  sendAt?: unknown,
): Promise<{ recipients: number; sendAt: string; unreached: readonly Unreached[] }> {
  const broadcast = await own(deps, access, id);
  await authorise(deps, access, broadcast.audiences);
  if (broadcast.status !== 'draft')
    throw new ConflictError('Meldingen er allerede sendt, planlagt eller avbrutt.');
  const now = deps.clock.now();
  let at = now;
  if (sendAt !== undefined && sendAt !== null && sendAt !== '') {
    at = new Date(String(sendAt));
    if (Number.isNaN(at.getTime())) throw new BadRequestError('«sendAt» må være et tidspunkt (ISO 8601).');
    if (at < now) at = now;
  }
  const { targets, unreached } = await reach(deps, broadcast.audiences);
  if (targets.length === 0)
    throw new BadRequestError(
      unreached.length > 0
        ? `Meldingen når ingen: ${unreachedText(unreached)}.`
        : 'Ingen av mottakergruppene når noen kanal eller chat der Planpuls er installert.',
    );
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
  if (broadcast.status === 'draft') throw new ConflictError('Meldingen er ikke sendt ennå.');
  if (broadcast.status === 'cancelled') throw new ConflictError('Utsendingen er allerede avbrutt.');
  const deliveries = await deps.outbox.deliveries(broadcastMessageId(id));
  if (!cancellable(broadcast, deliveries, deps.clock.now()))
    throw new ConflictError('Meldingen er allerede sendt til alle; det er ingenting å avbryte.');
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
    throw new ForbiddenError('Beklager, bare kommunalsjefen og koordinatorer kan sende meldinger.');
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
