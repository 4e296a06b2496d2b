import { localDate } from '../../domain/calendar/local-date.js';
import { isMilestone } from '../../domain/plan/milestone-entries.js';
import {
  agendaCallLeadDays,
  meetingPassed,
  milestoneLastDay,
  type ReminderKind,
} from '../../domain/reminders/reminder-rules.js';
import type { DueJob } from '../due-jobs.js';
import { lateBecauseDown } from './downtime.js';
import { reminderMessage } from './reminder-card.js';
import {
  contactNames,
  findEvent,
  languageVariantId,
  recipientsOf,
  type ReminderDeps,
} from './reminder-deps.js';

/**
 * Runs a due reminder: posts the meeting reminder, reading assignment or call for agenda items to
 * the event's channels and people, once (the job id is the outbox message id). A reminder whose
 * meeting has passed is dropped, and so is a call for items whose item deadline has passed (or
 * whose meeting no longer takes items). One that fell due while Planpuls was down (nothing ticked
 * since `downSince`, plan time) and goes out more than a few hours late says so; a first start or a
 * moved dev clock is not downtime.
 */
export async function sendReminder(
  deps: ReminderDeps,
  job: DueJob,
  now: Date,
  downSince?: Date,
): Promise<'sent' | 'dropped'> {
  const planKey = String(job.payload.planKey);
  const stored = await deps.plans.load(planKey);
  const found = stored && findEvent(stored.plan, String(job.payload.eventId));
  if (!found) {
    deps.logger.info('reminder dropped: the event is gone', { jobId: job.id });
    return 'dropped';
  }
  const today = localDate(now, deps.timeZone);
  // A milestone of a month is ahead until the month's last day.
  const event = found.event;
  const passed = isMilestone(event)
    ? (milestoneLastDay(event.month ? { month: event.month } : { date: event.date }) ?? event.date) < today
    : meetingPassed(event, today);
  if (passed) {
    deps.logger.info('reminder dropped: the meeting has passed', { jobId: job.id });
    return 'dropped';
  }
  const kind = job.kind as ReminderKind;
  if (kind === 'agenda-call') {
    const programme = stored.plan.programmes.find((p) => p.id === found.event.programme);
    if (today > found.itemDeadline || agendaCallLeadDays(found.event, programme) === undefined) {
      deps.logger.info('call for agenda items dropped: the meeting takes no more items', { jobId: job.id });
      return 'dropped';
    }
  }
  const late = lateBecauseDown(job.dueAt, now, downSince);
  const contacts = kind === 'agenda-call' ? await contactNames(deps, stored.plan, found.event) : [];
  const view = {
    ...found,
    planKey,
    late,
    itemsOpen: !isMilestone(found.event) && today <= found.itemDeadline,
    contacts,
  };
  let recipients = 0;
  // One message per language: channels and most chats in Norwegian, a chat in the language its person chose.
  for (const [language, targets] of await recipientsOf(deps, found.event)) {
    if (language !== 'nb' && targets.length === 0) continue;
    const render = language === 'nb' ? deps.render : (deps.renderIn?.(language) ?? deps.render);
    const activity = await reminderMessage(deps, kind, job.id, view, render);
    await deps.outbox.enqueue({ id: languageVariantId(job.id, language), activity, kind }, targets);
    recipients += targets.length;
  }
  deps.logger.info('reminder queued', { jobId: job.id, recipients, late });
  return 'sent';
}
