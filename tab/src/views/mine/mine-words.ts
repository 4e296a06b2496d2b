import type { Translate } from '../../i18n/i18n';
import { toUtc } from '../../dates/plain-date';
import type { MyMeeting, MyNetwork, ReportTask } from './mine-types';

/** «i dag», «i morgen», «om 3 dager»: how soon a meeting is, counted from the plan's today. */
export function howSoon(date: string, today: string, t: Translate): string {
  const days = Math.round((toUtc(date).getTime() - toUtc(today).getTime()) / 86_400_000);
  if (days <= 0) return t('mine.today');
  if (days === 1) return t('mine.tomorrow');
  return t('mine.inDays', { days });
}

/** The meeting's times, «09:00–11:30 (Del 1); 12:15–14:00», or that none is set. */
export function timesOf(meeting: Pick<MyMeeting, 'slots'>, t: Translate): string {
  if (meeting.slots.length === 0) return t('mine.noTime');
  return meeting.slots
    .map((s) => {
      const time = s.end ? `${s.start}–${s.end}` : s.start;
      return s.label ? `${time} (${s.label})` : time;
    })
    .join('; ');
}

/**
 * Why the meeting is hers, by name and grouped by kind: «rollene Rektorer og Styrere, enheten
 * Leknes skole, nettverket KULG».
 */
export function reasonsOf(meeting: Pick<MyMeeting, 'reasons'>, t: Translate): string {
  const kinds = ['role', 'unit', 'network'] as const;
  return kinds
    .map((kind) => meeting.reasons.filter((r) => r.kind === kind).map((r) => r.name))
    .map((names, i) =>
      names.length === 0
        ? ''
        : names.length === 1
          ? t(`mine.reason.${kinds[i]!}`, { name: names[0]! })
          : t(`mine.reasons.${kinds[i]!}`, {
              names: `${names.slice(0, -1).join(', ')} ${t('mine.and')} ${names.at(-1)!}`,
            }),
    )
    .filter(Boolean)
    .join(', ');
}

/**
 * Where a report she owes stands, in the words Enheter uses for the unit: a draft saved; asked
 * and not started; or not asked, when no request has reached the unit in Teams yet.
 */
export function reportStateOf(task: Pick<ReportTask, 'status'>, t: Translate): string {
  return task.status === 'ikke-spurt' ? t('csv.mineNotAsked') : t(`mine.report.${task.status}`);
}

/**
 * Why a network is hers, in words: «du er medlem, enheten din Leknes skole er med, rollen din
 * Rektorer deltar» — several units or roles named together.
 */
export function networkReasonsOf(network: Pick<MyNetwork, 'reasons'>, t: Translate): string {
  const and = (names: string[]) =>
    names.length < 2
      ? names.join('')
      : `${names.slice(0, -1).join(', ')} ${t('mineNetworks.and')} ${names.at(-1)!}`;
  const units = network.reasons.flatMap((r) => (r.kind === 'unit' ? [r.name] : []));
  const roles = network.reasons.flatMap((r) => (r.kind === 'role' ? [r.name] : []));
  return [
    network.reasons.some((r) => r.kind === 'member') ? t('mineNetworks.reason.member') : '',
    units.length === 0
      ? ''
      : t(units.length === 1 ? 'mineNetworks.reason.unit' : 'mineNetworks.reasons.unit', {
          names: and(units),
        }),
    roles.length === 0
      ? ''
      : t(roles.length === 1 ? 'mineNetworks.reason.role' : 'mineNetworks.reasons.role', {
          names: and(roles),
        }),
  ]
    .filter(Boolean)
    .join(', ');
}
