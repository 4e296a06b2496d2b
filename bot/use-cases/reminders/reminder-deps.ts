import { itemDeadline } from '../../domain/agenda/deadlines.js';
import type { Clock } from '../../domain/clock.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import { calendarEntries, isMilestone } from '../../domain/plan/milestone-entries.js';
import type { CalendarEvent, PlanFile } from '../../domain/plan/plan-schema.js';
import { personConcerned, personResponsible } from '../../domain/reminders/reminder-rules.js';
import type { OutgoingActivity, Outbox, StoredMessage } from '../../delivery/ports.js';
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
  /**
   * The cards in another language, for personal chats of people who chose it (each language its
   * own message; see {@link languageVariantId}). Without it, everyone gets `render`'s (Norwegian).
   */
  renderIn?: (language: Language) => ReminderRenderer;
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
 * Where an event's cards go, by the language they are written in: the channels linked to its
 * programme (and the others it concerns), read by many, in Norwegian; the personal chats of people
 * whose role or network takes part, in the language each chose. Norwegian comes first.
 */
export async function recipientsOf(
  deps: ReminderDeps,
  event: CalendarEvent,
): Promise<Map<Language, ConversationRef[]>> {
  const refs = new Map<Language, Map<string, ConversationRef>>([['nb', new Map()]]);
  const add = (language: Language, ref: ConversationRef, id: string) => {
    if (!refs.has(language)) refs.set(language, new Map());
    refs.get(language)!.set(id, ref);
  };
  for (const programme of [event.programme, ...event.alsoFor]) {
    for (const link of await deps.links.byTarget({ kind: 'programme', id: programme })) {
      const installation = await deps.registry.get(link.conversationId);
      if (installation?.status === 'active') add('nb', installation.reference, installation.conversationId);
    }
  }
  const { wanted, language } = await personalSettings(deps);
  for (const person of (await concernedPeople(deps, event)).filter((p) => wanted(p.aadObjectId))) {
    for (const chat of await deps.registry.list({ userAadObjectId: person.aadObjectId, kind: 'personal' })) {
      if (chat.status === 'active') add(language(person.aadObjectId), chat.reference, chat.conversationId);
    }
  }
  return new Map([...refs].map(([l, byId]) => [l, [...byId.values()]]));
}

/**
 * Who takes meeting reminders in her personal chat (everyone but those who chose the digest only
 * or only what needs them), and in which language. One read for everyone's settings, not one per
 * person.
 */
async function personalSettings(deps: Pick<ReminderDeps, 'choices' | 'renderIn'>): Promise<{
  wanted: (aadObjectId: string) => boolean;
  language: (aadObjectId: string) => Language;
}> {
  if (!deps.choices) return { wanted: () => true, language: () => 'nb' };
  const everyone = await deps.choices.everyone();
  const declined = new Set(
    everyone
      .filter((s) => s.notifications && !wantsPersonally(s.notifications, 'reminder'))
      .map((s) => s.aadObjectId.toLowerCase()),
  );
  const chosen = new Map(
    deps.renderIn
      ? everyone.flatMap((s) => (s.language ? [[s.aadObjectId.toLowerCase(), s.language]] : []))
      : [],
  );
  return {
    wanted: (aadObjectId) => !declined.has(aadObjectId.toLowerCase()),
    language: (aadObjectId) => chosen.get(aadObjectId.toLowerCase()) ?? 'nb',
  };
}

/**
 * The message a reminder posts in `language`: Norwegian is the reminder's own id (channels and the
 * chats of those who chose no other language); another language gets its own message beside it.
 * Both carry the reminder's own id in their buttons, so a reading's «Lest» counts once for all.
 */
export function languageVariantId(id: string, language: Language): string {
  return language === 'nb' ? id : `${id}~${language}`;
}

/** The languages a reminder may be posted in besides Norwegian. */
const OTHER_LANGUAGES: readonly Language[] = ['en'];

/**
 * Revises a reminder everywhere it was posted: its Norwegian message and each other language's,
 * each in its own words; `only` skips messages that need no revision. Returns how many it revised.
 */
export async function reviseEveryLanguage(
  deps: Pick<ReminderDeps, 'outbox' | 'render' | 'renderIn'>,
  id: string,
  activityIn: (render: ReminderRenderer) => OutgoingActivity | Promise<OutgoingActivity>,
  only: (message: StoredMessage) => boolean = () => true,
): Promise<number> {
  let revised = 0;
  for (const language of ['nb' as const, ...OTHER_LANGUAGES]) {
    const render = language === 'nb' ? deps.render : deps.renderIn?.(language);
    if (!render) continue;
    const variant = languageVariantId(id, language);
    const message = await deps.outbox.message(variant);
    if (!message || !only(message)) continue;
    await deps.outbox.revise(variant, await activityIn(render));
    revised++;
  }
  return revised;
}

/** The reminder's messages in every language that was posted (the Norwegian one first). */
export async function postedVariants(
  deps: Pick<ReminderDeps, 'outbox'>,
  id: string,
): Promise<StoredMessage[]> {
  const found = await Promise.all(
    ['nb' as const, ...OTHER_LANGUAGES].map((l) => deps.outbox.message(languageVariantId(id, l))),
  );
  return found.filter((m): m is StoredMessage => m !== undefined);
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
