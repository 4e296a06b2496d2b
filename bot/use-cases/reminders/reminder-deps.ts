import { itemDeadline } from '../../domain/agenda/deadlines.js';
import type { Clock } from '../../domain/clock.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { calendarEntries, isMilestone } from '../../domain/plan/milestone-entries.js';
import type { CalendarEvent, PlanFile } from '../../domain/plan/plan-schema.js';
import { personConcerned, personResponsible } from '../../domain/reminders/reminder-rules.js';
import type { OutgoingActivity, Outbox } from '../../delivery/ports.js';
import type { Language } from '../../i18n/index.js';
import type { Logger } from '../../log/logger.js';
import type { DueJobs } from '../due-jobs.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { PeopleRepository } from '../people-repository.js';
import type { PlanRepository } from '../plan-repository.js';
import type { TeamsUserIds } from '../teams-user-ids.js';
import type { NotificationChoices } from '../notification-choices.js';
import { wantsPersonally } from '../../domain/people/notification-choice.js';
import type { Acknowledgements } from './acknowledgements.js';

/** What changed about an event since its card was posted; the renderer words it. */
export type EventChange = 'moved' | 'cancelled' | 'items-closed' | 'deadline-changed';

/** What a card about one event shows, as plain data. */
export interface EventCardView {
  readonly event: CalendarEvent;
  readonly programmeName: string;
  readonly planKey: string;
  /** The last day (plan time, `YYYY-MM-DD`) the meeting takes agenda items. */
  readonly itemDeadline: string;
  /** Sent more than a few hours late because Planpuls was down. */
  readonly late: boolean;
  /** Moved or cancelled (`event` is then the event as it is now, or as it was). */
  readonly change?: EventChange;
  /** The meeting still takes agenda items: the card offers to submit one. */
  readonly itemsOpen?: boolean;
  /**
   * Names of the people who hold the coordinating role for the event's programme in Planpuls,
   * so a card that says «meld inn til rådgiver» also says who that is. Empty when none is set.
   */
  readonly contacts?: readonly string[];
}

/** A reading assignment with its read count. */
export interface ReadingCardView extends EventCardView {
  readonly messageId: string;
  readonly read: number;
  readonly of: number;
  /** Teams ids of those who have read (at most 60): Teams refreshes the card for them. */
  readonly readerIds: readonly string[];
  /** The day (plan time, `YYYY-MM-DD`) the person the card is for marked it read. */
  readonly markedReadOn?: string;
}

/**
 * How reminder messages look; the Teams layer provides it, so use cases stay free of card JSON
 * and of wording. What is posted for everyone is in Norwegian; a card for one person takes her
 * language.
 */
export interface ReminderRenderer {
  meetingReminder(view: EventCardView): OutgoingActivity;
  /** The call for agenda items («Innmelding av saker til …»). */
  agendaCall(view: EventCardView): OutgoingActivity;
  /** The shared reading assignment, as posted or revised for everyone. */
  reading(view: ReadingCardView): OutgoingActivity;
  /** The reading card as one person sees it: the answer to her press or her refresh. */
  readingFor(view: ReadingCardView, language: Language): Record<string, unknown>;
  /** A milestone coming up (not a meeting), for the roles responsible for it. */
  milestoneReminder(view: EventCardView): OutgoingActivity;
}

export interface ReminderDeps {
  plans: PlanRepository;
  jobs: DueJobs;
  outbox: Outbox;
  links: LinkRepository;
  registry: InstallationRegistry;
  people: PeopleRepository;
  acks: Acknowledgements;
  render: ReminderRenderer;
  /** Teams ids of people who pressed a card, for the reading card's per-reader refresh. */
  teamsUsers?: TeamsUserIds;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  publicUrl: string;
  /** What each person wants in her chat: reminders go only to those who want them. Without it, to all. */
  choices?: Pick<NotificationChoices, 'everyone'>;
}

/**
 * Where an event's cards go: the channels linked to its programme (and the others it concerns),
 * and the personal chats of people whose role or network takes part.
 */
export async function recipientsOf(deps: ReminderDeps, event: CalendarEvent): Promise<ConversationRef[]> {
  const refs = new Map<string, ConversationRef>();
  for (const programme of [event.programme, ...event.alsoFor]) {
    for (const link of await deps.links.byTarget({ kind: 'programme', id: programme })) {
      const installation = await deps.registry.get(link.conversationId);
      if (installation?.status === 'active') refs.set(installation.conversationId, installation.reference);
    }
  }
  const wanted = await wantsReminders(deps);
  for (const person of (await concernedPeople(deps, event)).filter((p) => wanted(p.aadObjectId))) {
    for (const chat of await deps.registry.list({ userAadObjectId: person.aadObjectId, kind: 'personal' })) {
      if (chat.status === 'active') refs.set(chat.conversationId, chat.reference);
    }
  }
  return [...refs.values()];
}

/**
 * Who takes meeting reminders in her personal chat: everyone but those who chose the digest only
 * or only what needs them. One read for everyone's choices, not one per person.
 */
async function wantsReminders(
  deps: Pick<ReminderDeps, 'choices'>,
): Promise<(aadObjectId: string) => boolean> {
  if (!deps.choices) return () => true;
  const declined = new Set(
    (await deps.choices.everyone())
      .filter((s) => s.notifications && !wantsPersonally(s.notifications, 'reminder'))
      .map((s) => s.aadObjectId.toLowerCase()),
  );
  return (aadObjectId) => !declined.has(aadObjectId.toLowerCase());
}

/**
 * The people an event's cards are for: those whose role or network takes part in a meeting; for
 * a milestone, only those holding a role responsible for it (being in its programme is not enough).
 */
export async function concernedPeople(deps: Pick<ReminderDeps, 'people'>, event: CalendarEvent) {
  const concerned = isMilestone(event) ? personResponsible : personConcerned;
  return (await deps.people.list()).filter((person) => concerned(person, event));
}

/**
 * Names of the coordinators of the event's programme (or of the programme it belongs to), in
 * Planpuls: whom «saker meldes inn til rådgiver» means. People without a known name are left out.
 */
export async function contactNames(
  deps: Pick<ReminderDeps, 'people'>,
  plan: PlanFile,
  event: CalendarEvent,
): Promise<string[]> {
  const parent = plan.programmes.find((p) => p.id === event.programme)?.parent;
  const programmes = [event.programme, ...(parent ? [parent] : [])];
  return (await deps.people.list())
    .filter((p) => p.roles.includes('koordinator') && p.coordinates.some((c) => programmes.includes(c)))
    .flatMap((p) => (p.name ? [p.name] : []))
    .sort((a, b) => a.localeCompare(b, 'nb'));
}

export function findEvent(
  plan: PlanFile,
  eventId: string,
): { event: CalendarEvent; programmeName: string; itemDeadline: string } | undefined {
  const event = calendarEntries(plan).find((e) => e.id === eventId);
  if (!event) return undefined;
  const programme = plan.programmes.find((p) => p.id === event.programme);
  return {
    event,
    programmeName: programme?.name ?? event.programme,
    itemDeadline: itemDeadline(event, programme),
  };
}
