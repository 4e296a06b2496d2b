import type { AgendaItem } from '../../domain/agenda/agenda-item.js';
import { agendaVersion, judgeItemChange } from '../../domain/agenda/item-rights.js';
import { localDate } from '../../domain/calendar/local-date.js';
import type { Access } from '../access.js';
import type { AgendaDeps } from './agenda-deps.js';
import type { AgendaPublication } from './agenda-repository.js';
import { findMeeting, mayRunAgenda } from './meeting.js';

/** An item as the caller sees it: with the submitter's name and whether the caller may change it. */
export interface AgendaItemView extends AgendaItem {
  readonly submitterName: string;
  readonly mayEdit: boolean;
}

/** Everything a coordinator needs to run a meeting's agenda in one place, and what others may see. */
export interface AgendaOverview {
  readonly eventId: string;
  readonly title: string;
  readonly date: string;
  readonly deadline: string;
  readonly publishDate: string;
  /** Whether the caller runs this agenda (accept, decline, order, publish). */
  readonly mayManage: boolean;
  /** Whether the caller may still submit an item (before the deadline, or as its runner). */
  readonly maySubmit: boolean;
  /** Whether the deadline for items has passed (on the server's clock, which local mode may move). */
  readonly pastDeadline: boolean;
  /** Today on the server's clock, so the tab speaks of past dates in the past tense. */
  readonly today: string;
  /** Send back with order and publish; a changed agenda is refused. */
  readonly version: number;
  readonly items: readonly AgendaItemView[];
  readonly publication: AgendaPublication | null;
}

/**
 * A meeting's agenda for the caller: its runner sees every item (withdrawn ones too, with their
 * status), others the accepted items and their own.
 */
export async function readAgenda(deps: AgendaDeps, access: Access, eventId: string): Promise<AgendaOverview> {
  const meeting = await findMeeting(deps.read, eventId);
  const all = await deps.agenda.items(meeting.planKey, meeting.event.id);
  const publication = await deps.agenda.publication(meeting.planKey, meeting.event.id);
  const runner = mayRunAgenda(access, meeting);
  const me = access.principal.aadObjectId.toLowerCase();
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  const visible = runner
    ? all
    : all.filter((i) => i.status === 'accepted' || i.submittedBy.toLowerCase() === me);
  const names = visible.some((i) => !i.submitterName)
    ? new Map((await deps.access.people.list()).map((p) => [p.aadObjectId.toLowerCase(), p.name]))
    : new Map<string, string>();
  return {
    eventId: meeting.event.id,
    title: meeting.event.title,
    date: meeting.event.date,
    deadline: meeting.deadline,
    publishDate: meeting.publishDate,
    mayManage: runner,
    maySubmit: runner || today <= meeting.deadline,
    pastDeadline: today > meeting.deadline,
    today,
    version: agendaVersion(all, publication !== undefined),
    items: visible.map((item) => ({
      ...item,
      submitterName: item.submitterName ?? names.get(item.submittedBy.toLowerCase()) ?? '',
      mayEdit:
        judgeItemChange(item, { aadObjectId: me, runsAgenda: runner }, today, meeting.deadline).kind ===
        'allowed',
    })),
    publication: publication ?? null,
  };
}
