import { itemDeadline, takesAgendaItems } from '../../domain/agenda/deadlines.js';
import type { DigestDeadline } from '../../domain/digest/digest.js';
import { milestoneEntries } from '../../domain/plan/milestone-entries.js';
import { planRolesOf } from '../../domain/reminders/reminder-rules.js';
import { eventInScope, type DigestScope } from './digest-scope.js';
import type { DigestWorld } from './digest-world.js';

/**
 * One kind of dated entry in the digest: the entries of the scope whose date falls in the world's
 * window (this week and next). Pure: everything it needs is in the world, read once per run.
 *
 * A new kind of deadline (e.g. the plan goals' milestones) plugs in as one more function here and
 * one line in {@link DEADLINE_SOURCES}; if it needs stored data, load it in `loadDigestWorld`, and
 * give its `kind` a word in bot/i18n/digest.ts.
 */
export type DeadlineSource = (world: DigestWorld, scope: DigestScope) => DigestDeadline[];

const inWindow = (world: DigestWorld, date: string) => date >= world.window.from && date <= world.window.to;

/** The last day to submit agenda items for the scope's meetings that take them. */
export const agendaItemDeadlines: DeadlineSource = (world, scope) =>
  world.plan.calendar.flatMap((event) => {
    const programme = world.plan.programmes.find((p) => p.id === event.programme);
    if (!takesAgendaItems(event, programme)) return [];
    const date = itemDeadline(event, programme);
    if (!inWindow(world, date) || !eventInScope(event, world.plan, scope)) return [];
    return [{ kind: 'agenda-items', date, title: event.title, owner: programme?.name ?? event.programme }];
  });

/** Report campaigns due in the window for the scope's units that have not submitted. */
export const reportDeadlines: DeadlineSource = (world, scope) =>
  world.campaigns.flatMap(({ campaign, submitted }) =>
    scope.units
      .filter((unitId) => !submitted.has(unitId))
      .map((unitId) => ({
        kind: 'report' as const,
        date: campaign.deadline,
        title: campaign.title,
        owner: unitName(world, unitId),
      })),
  );

/** Actions of the scope's units' local plans due in the window and not done. */
export const localPlanActionDeadlines: DeadlineSource = (world, scope) =>
  scope.units.flatMap((unitId) =>
    (world.localPlans.get(unitId)?.actions ?? [])
      .filter((action) => action.status !== 'fullført' && inWindow(world, action.deadline))
      .map((action) => ({
        kind: 'local-plan-action' as const,
        date: action.deadline,
        title: action.text,
        owner: unitName(world, unitId),
      })),
  );

/**
 * The plan's milestones in the window (a month milestone on its month's first day): those of
 * the scope's networks, and those the scope's people are responsible for by role.
 */
export const milestoneDeadlines: DeadlineSource = (world, scope) => {
  const roles = new Set(planRolesOf(scope.roles));
  return milestoneEntries(world.plan)
    .filter((m) => inWindow(world, m.date))
    .filter((m) => eventInScope(m, world.plan, scope) || m.responsible.some((r) => roles.has(r)))
    .map((m) => {
      const owner = world.plan.programmes.find((p) => p.id === m.programme)?.name ?? m.participantsText;
      return { kind: 'milestone' as const, date: m.date, title: m.title, ...(owner ? { owner } : {}) };
    });
};

const unitName = (world: DigestWorld, unitId: string) =>
  world.plan.units.find((u) => u.id === unitId)?.name ?? unitId;

/** Every kind of deadline the digest lists, in no particular order (the card sorts by date). */
export const DEADLINE_SOURCES: readonly DeadlineSource[] = [
  agendaItemDeadlines,
  reportDeadlines,
  localPlanActionDeadlines,
  milestoneDeadlines,
];
