import { localDate } from '../../domain/calendar/local-date.js';
import type { Campaign } from '../../domain/reports/campaign.js';
import type { PlanFile, Unit } from '../../domain/plan/plan-schema.js';
import { uniqueRefs } from './unique-refs.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import type { Language } from '../../i18n/index.js';
import type { Person } from '../../domain/people/person.js';
import { wantsPersonally } from '../../domain/people/notification-choice.js';
import { notificationChoiceFor } from '../notification-choices.js';
import {
  byLanguage,
  leadersOf,
  personalChatsOf,
  rendererIn,
  unitChannels,
  type ReportDeps,
} from './report-deps.js';

export async function missingUnits(
  deps: ReportDeps,
  campaign: Campaign,
): Promise<{ missing: Unit[]; total: number }> {
  const plan = (await deps.read.plans.load(campaign.planKey))?.plan;
  const units = plan?.units ?? [];
  const sent = new Set(
    (await deps.reports.list(campaign.id)).filter((r) => r.status === 'sendt').map((r) => r.unitId),
  );
  return { missing: units.filter((u) => !sent.has(u.id)), total: units.length };
}

/**
 * The leaders who take report reminders in their chat: not those who chose the digest only (the
 * digest lists the deadline). If none does, the unit's channel is reminded, as for a unit whose
 * leaders have no chat.
 */
async function reminded(deps: ReportDeps, leaders: Person[]): Promise<Person[]> {
  const choices = deps.choices;
  if (!choices) return leaders;
  const chosen = await Promise.all(leaders.map((l) => notificationChoiceFor(choices, l.aadObjectId)));
  return leaders.filter((_, i) => wantsPersonally(chosen[i]!, 'report-reminder'));
}

/**
 * Reminds the leaders of units that have not submitted, if today is one of the reminder days.
 * One message per campaign, unit and day, so a second run the same day sends nothing.
 */
export async function sendReportReminders(
  deps: ReportDeps,
  campaign: Campaign,
  now: Date,
  /** Which reminder (e.g. 7 or 1 days before) a due job stands for; then a late run still sends it. */
  scheduledDays?: number,
): Promise<number> {
  if (campaign.closedAt) return 0;
  const today = localDate(now, deps.read.timeZone);
  const left = Math.round((Date.parse(campaign.deadline) - Date.parse(today)) / 86_400_000);
  // A job that ran late (the server was down on the day) still reminds, until the deadline.
  const days = scheduledDays !== undefined && left >= 0 && left <= scheduledDays ? scheduledDays : left;
  if (!deps.defaults.reminderDays.includes(days)) return 0;
  const plan = (await deps.read.plans.load(campaign.planKey))?.plan;
  if (!plan) return 0;
  let sent = 0;
  for (const unit of (await missingUnits(deps, campaign)).missing)
    sent += (
      await remindUnit(
        deps,
        campaign,
        plan,
        unit,
        days,
        `rapport-paminnelse-${campaign.id}-${unit.id}-${days}`,
      )
    ).created;
  return sent;
}

/**
 * One unit's reminder, as message `id`: to its leaders' personal chats, else its channels.
 * `reached` is false when it has neither.
 */
export async function remindUnit(
  deps: ReportDeps,
  campaign: Campaign,
  plan: PlanFile,
  unit: Unit,
  daysLeft: number,
  id: string,
): Promise<{ reached: boolean; created: number }> {
  // Leaders who chose the digest alone get no reminder in their chat; if none of them takes it, the unit's channel does.
  const leaders = await reminded(deps, await leadersOf(deps, unit.id));
  // One message per language the leaders chose (Norwegian keeps the plain id); a channel's is Norwegian.
  const messages: { id: string; language: Language; targets: ConversationRef[] }[] = [];
  for (const [language, group] of await byLanguage(deps, leaders)) {
    const targets = uniqueRefs(
      await Promise.all(group.map((l) => personalChatsOf(deps.registry, l.aadObjectId))),
    );
    if (targets.length > 0) messages.push({ id: language === 'nb' ? id : `${id}-${language}`, language, targets });
  }
  if (messages.length === 0) messages.push({ id, language: 'nb', targets: await unitChannels(deps, unit.id) });
  if (messages[0]!.targets.length === 0) return { reached: false, created: 0 };
  const [report, localPlan] = await Promise.all([
    deps.reports.get(campaign.id, unit.id),
    deps.localPlans.get(unit.id),
  ]);
  const view = { campaign, plan, unit, report, localPlan, closed: false };
  let created = 0;
  for (const message of messages) {
    const activity = rendererIn(deps, message.language).reminder(view, daysLeft);
    created += (await deps.outbox.enqueue({ id: message.id, activity, kind: 'rapport-påminnelse' }, message.targets))
      .created;
  }
  return { reached: true, created };
}

/**
 * After the deadline: one card to the admins (the kommunalsjef) listing the units still missing.
 * Nothing before the deadline; once per campaign.
 */
export async function escalateMissing(
  deps: ReportDeps,
  campaign: Campaign,
  now: Date,
): Promise<{ missing: Unit[]; sent: number }> {
  // Closed by the kommunalsjef herself: she knows who is missing (the tab shows it).
  if (campaign.closedAt || localDate(now, deps.read.timeZone) <= campaign.deadline)
    return { missing: [], sent: 0 };
  const { missing, total } = await missingUnits(deps, campaign);
  const admins = new Set(deps.access.configAdmins.map((a) => a.toLowerCase()));
  for (const person of await deps.access.people.list())
    if (person.roles.includes('admin')) admins.add(person.aadObjectId);
  let sent = 0;
  // Each admin's chat in her language: one message per language (Norwegian keeps the plain id).
  const groups = await byLanguage(deps, [...admins].map((aadObjectId) => ({ aadObjectId })));
  for (const [language, group] of groups) {
    const targets = uniqueRefs(await Promise.all(group.map((a) => personalChatsOf(deps.registry, a.aadObjectId))));
    if (targets.length === 0) continue;
    const activity = rendererIn(deps, language).escalation(campaign, missing, total);
    const id = `rapport-mangler-${campaign.id}${language === 'nb' ? '' : `-${language}`}`;
    sent += (await deps.outbox.enqueue({ id, activity, kind: 'rapport-eskalering' }, targets)).created;
  }
  return { missing, sent };
}
