import { localDate } from '../../domain/calendar/local-date.js';
import {
  CALL_CLOSING_PREFIX,
  plannedCallClosings,
  plannedReminders,
  REMINDER_ID_PREFIX,
  reminderId,
  reminderExpired,
  type ReminderKind,
} from '../../domain/reminders/reminder-rules.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import { reminderMessage } from './reminder-card.js';
import { findEvent, reviseEveryLanguage, type EventCardView, type ReminderDeps } from './reminder-deps.js';

/**
 * Brings a plan's stored reminder jobs in line with the plan: every reminder still worth sending
 * (its meeting, or for a call for agenda items its item deadline, has not passed) is scheduled (a
 * missed one falls due at once), moved events move their reminders, removed events lose theirs.
 * With the previous version of the plan, cards already posted for a moved or cancelled event are
 * updated ("Flyttet til …", "Avlyst.").
 */
export async function syncReminders(
  deps: ReminderDeps,
  planKey: string,
  plan: PlanFile,
  before?: PlanFile,
): Promise<{ scheduled: number; cancelled: number }> {
  const now = deps.clock.now();
  const today = localDate(now, deps.timeZone);
  const wanted = new Set<string>();
  /** Stores the job unless it is stored with this due time already; true when it stored it. */
  const keep = async (job: { id: string; kind: string; dueAt: Date; eventId: string; lastDay: string }) => {
    if (reminderExpired(job, today)) return false;
    wanted.add(job.id);
    const existing = await deps.jobs.get(job.id);
    if (existing?.dueAt.getTime() === job.dueAt.getTime()) return false;
    await deps.jobs.schedule({
      id: job.id,
      kind: job.kind,
      dueAt: job.dueAt,
      payload: { planKey, eventId: job.eventId },
    });
    return true;
  };
  let scheduled = 0;
  for (const reminder of plannedReminders(planKey, plan, deps.timeZone))
    if (await keep(reminder)) scheduled++;
  // Closing a call for items is not a reminder (nothing is sent), so it is not counted as one.
  for (const closing of plannedCallClosings(planKey, plan, deps.timeZone))
    await keep({ ...closing, kind: CALL_CLOSING_PREFIX });
  let cancelled = 0;
  for (const prefix of Object.values(REMINDER_ID_PREFIX)) {
    for (const job of await deps.jobs.list(`${prefix}:${planKey}:`)) {
      if (!wanted.has(job.id)) {
        await deps.jobs.cancel(job.id);
        cancelled++;
      }
    }
  }
  for (const job of await deps.jobs.list(`${CALL_CLOSING_PREFIX}:${planKey}:`)) {
    if (!wanted.has(job.id)) await deps.jobs.cancel(job.id);
  }
  if (before) await updatePostedCards(deps, planKey, before, plan);
  return { scheduled, cancelled };
}

async function updatePostedCards(
  deps: ReminderDeps,
  planKey: string,
  before: PlanFile,
  after: PlanFile,
): Promise<void> {
  for (const old of before.calendar) {
    const now = after.calendar.find((e) => e.id === old.id);
    const moved =
      now &&
      (now.date !== old.date ||
        now.endDate !== old.endDate ||
        JSON.stringify(now.slots) !== JSON.stringify(old.slots));
    if (now && !moved) {
      await reviseChangedDeadline(deps, planKey, before, after, old.id);
      continue;
    }
    const found = now ? findEvent(after, old.id)! : findEvent(before, old.id)!;
    // A moved meeting may take items again until its new deadline; a cancelled one takes none.
    const today = localDate(deps.clock.now(), deps.timeZone);
    const itemsOpen = now !== undefined && today <= found.itemDeadline;
    const change = now ? 'moved' : 'cancelled';
    const view: EventCardView = { ...found, planKey, late: false, change, itemsOpen };
    for (const kind of Object.keys(REMINDER_ID_PREFIX) as ReminderKind[]) {
      const id = reminderId(kind, planKey, old.id);
      await reviseEveryLanguage(deps, id, (render) => reminderMessage(deps, kind, id, view, render));
    }
  }
}

/** A meeting that stays put but whose item deadline changed: its posted call names the new one. */
async function reviseChangedDeadline(
  deps: ReminderDeps,
  planKey: string,
  before: PlanFile,
  after: PlanFile,
  eventId: string,
): Promise<void> {
  const was = findEvent(before, eventId)!;
  const found = findEvent(after, eventId)!;
  if (was.itemDeadline === found.itemDeadline) return;
  const id = reminderId('agenda-call', planKey, eventId);
  const today = localDate(deps.clock.now(), deps.timeZone);
  await reviseEveryLanguage(deps, id, (render) =>
    render.agendaCall({
      ...found,
      planKey,
      late: false,
      change: 'deadline-changed',
      itemsOpen: today <= found.itemDeadline,
    }),
  );
}
