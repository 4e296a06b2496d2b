import { localDate } from '../../domain/calendar/local-date.js';
import { reminderId } from '../../domain/reminders/reminder-rules.js';
import type { StoredMessage } from '../../delivery/ports.js';
import type { DueJob } from '../due-jobs.js';
import { findEvent, reviseEveryLanguage, type ReminderDeps } from './reminder-deps.js';

/**
 * The item deadline of a meeting has passed: its posted call for agenda items, and a meeting
 * reminder posted while items were still taken, lose «Meld inn sak» and say that the deadline is
 * out (the coordinator can still take an item in, from the tab). Cards never posted are left
 * alone; a meeting that is gone, or whose deadline moved later, is not touched.
 */
export async function closeAgendaCall(
  deps: ReminderDeps,
  job: DueJob,
  now: Date,
): Promise<'closed' | 'nothing to close' | 'not due'> {
  const planKey = String(job.payload.planKey);
  const stored = await deps.plans.load(planKey);
  const found = stored && findEvent(stored.plan, String(job.payload.eventId));
  if (!found) return 'nothing to close';
  if (localDate(now, deps.timeZone) <= found.itemDeadline) return 'not due';
  const view = { ...found, planKey, late: false, itemsOpen: false };
  const callId = reminderId('agenda-call', planKey, found.event.id);
  const reminder = reminderId('meeting-reminder', planKey, found.event.id);
  // In every language it was posted in.
  const closed =
    (await reviseEveryLanguage(
      deps,
      callId,
      (render) => render.agendaCall({ ...view, change: 'items-closed' }),
      offersItemForm,
    )) +
    (await reviseEveryLanguage(deps, reminder, (render) => render.meetingReminder(view), offersItemForm));
  deps.logger.info('call for agenda items closed', { jobId: job.id, cards: closed });
  return closed > 0 ? 'closed' : 'nothing to close';
}

/** Whether a posted card still has the «Meld inn sak» action (`sak-ny`); withdrawn ones count as not. */
function offersItemForm(message: StoredMessage | undefined): boolean {
  return message !== undefined && !message.withdrawn && JSON.stringify(message.activity).includes('"sak-ny"');
}
