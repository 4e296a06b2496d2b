import { readRoutes } from '../../http/routes/read-routes.js';
import { reminderRuleRoutes } from '../../http/routes/reminder-rule-routes.js';
import { createTableAcknowledgements } from '../../store/table-acknowledgements.js';
import {
  markReadAction,
  readAction,
  readingViewAction,
  reminderCommands,
} from '../../teams/reminders/reminder-actions.js';
import { reminderRenderer } from '../../teams/reminders/reminder-renderer.js';
import type { DueJobHandler } from '../../use-cases/due-jobs.js';
import { closeAgendaCall } from '../../use-cases/reminders/close-agenda-call.js';
import type { ReminderDeps } from '../../use-cases/reminders/reminder-deps.js';
import { sendReminder } from '../../use-cases/reminders/send-reminder.js';
import { syncReminders } from '../../use-cases/reminders/sync-reminders.js';
import type { Core } from '../core.js';
import type { Feature } from '../feature.js';

/**
 * Meeting reminders, reading assignments with their «Lest» receipts, and the call for agenda items,
 * each on the plan's dates; `neste`, `lesing` and `kalender` in chat; the reminder rules in the tab.
 */
export function remindersFeature(core: Core): Feature<'reminders', ReminderDeps> {
  const english = reminderRenderer(core.config.publicUrl, 'en');
  const reminders: ReminderDeps = {
    plans: core.plans,
    jobs: core.jobs,
    outbox: core.outbox,
    links: core.links,
    registry: core.registry,
    people: core.people,
    acks: createTableAcknowledgements(core.tables),
    render: reminderRenderer(core.config.publicUrl),
    renderIn: (language) => (language === 'en' ? english : reminders.render),
    teamsUsers: core.teamsUsers,
    clock: core.clock,
    logger: core.logger.child({ component: 'reminders' }),
    timeZone: core.config.timeZone,
    publicUrl: core.config.publicUrl,
    choices: core.notifications,
  };
  // Missed while Planpuls was down: the card says it comes late, and why.
  const send: DueJobHandler = async (job, now, tick) =>
    void (await sendReminder(reminders, job, now, tick.downSince));
  const { logger, authenticate, access } = core;
  return {
    name: 'reminders',
    api: reminders,
    commands: reminderCommands({ ...reminders, access }),
    cardActions: [
      readAction(reminders),
      readingViewAction(reminders),
      markReadAction({ ...reminders, access }),
    ],
    jobs: {
      'meeting-reminder': send,
      'reading-assignment': send,
      'agenda-call': send,
      'milestone-reminder': send,
      'agenda-call-close': async (job, now) => void (await closeAgendaCall(reminders, job, now)),
    },
    onPlanChange: async (key, plan, previous) => void (await syncReminders(reminders, key, plan, previous)),
    routes(server) {
      readRoutes(server, {
        logger,
        authenticate,
        access,
        read: core.read,
        people: core.people,
        acks: reminders.acks,
        reminders,
      });
      reminderRuleRoutes(server, { logger, authenticate, access, plans: core.planAdmin });
    },
  };
}
