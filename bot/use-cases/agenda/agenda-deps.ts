import type { TimeSlot } from '../../domain/plan/plan-schema.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import type { Outbox, OutgoingActivity } from '../../delivery/ports.js';
import type { AgendaItem } from '../../domain/agenda/agenda-item.js';
import type { AgendaNotice } from '../../domain/agenda/agenda-notice.js';
import type { AccessDeps } from '../access.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { AgendaRepository } from './agenda-repository.js';

/** What the agenda card shows; rendering is the Teams adapter's business. */
export interface AgendaView {
  readonly meeting: string;
  readonly date: string;
  /** The meeting's times and place, as the plan gives them. */
  readonly slots?: readonly TimeSlot[];
  readonly location?: string;
  readonly items: readonly AgendaItem[];
  /** Set after a change to a published agenda. */
  readonly updatedAt?: string;
}

export interface AgendaDeps {
  read: ReadPlanDeps;
  access: AccessDeps;
  agenda: AgendaRepository;
  outbox: Outbox;
  links: LinkRepository;
  registry: InstallationRegistry;
  /** Renders the agenda as an activity (Adaptive Card). */
  renderAgenda(view: AgendaView): OutgoingActivity;
  /** Renders a short text notice (e.g. "your item was accepted"). */
  /** The submitter's notice (the edge words it, in Norwegian as all notices to others). */
  renderNotice(notice: AgendaNotice): OutgoingActivity;
}

/** Active personal chats of a person, if the app is installed there. */
export async function personalChats(
  registry: InstallationRegistry,
  aadObjectId: string,
): Promise<ConversationRef[]> {
  const found = await registry.list({ userAadObjectId: aadObjectId.toLowerCase(), kind: 'personal' });
  return found.filter((i) => i.status === 'active').map((i) => i.reference);
}

/** Active channels linked to a programme/network or unit. */
export async function linkedChannels(
  deps: { links: LinkRepository; registry: InstallationRegistry },
  target: { kind: 'programme' | 'unit'; id: string },
): Promise<ConversationRef[]> {
  const refs: ConversationRef[] = [];
  for (const link of await deps.links.byTarget(target)) {
    const installation = await deps.registry.get(link.conversationId);
    if (installation?.status === 'active') refs.push(installation.reference);
  }
  return refs;
}
