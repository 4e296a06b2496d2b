import type { Translate } from '../../i18n/i18n';
import { toUtc } from '../../dates/plain-date';
import type { MyMeeting } from './mine-types';

/** «i dag», «i morgen», «om 3 dager»: how soon a meeting is, counted from the plan's today. */
export function howSoon(date: string, today: string, t: Translate): string {
  const days = Math.round((toUtc(date).getTime() - toUtc(today).getTime()) / 86_400_000);
  if (days <= 0) return t('mine.today');
  if (days === 1) return t('mine.tomorrow');
  return t('mine.inDays', { days });
}

/** The meeting's times, «Del 1 09:00–11:30, 12:15–14:00», or that none is set. */
export function timesOf(meeting: Pick<MyMeeting, 'slots'>, t: Translate): string {
  if (meeting.slots.length === 0) return t('mine.noTime');
  return meeting.slots
    .map((s) => [s.label, s.end ? `${s.start}–${s.end}` : s.start].filter(Boolean).join(' '))
    .join(', ');
}

/** Why the meeting is hers, by name: «rollen Enhetsledere, enheten Leknes skole, nettverket KULG». */
export function reasonsOf(meeting: Pick<MyMeeting, 'reasons'>, t: Translate): string {
  return meeting.reasons.map((r) => t(`mine.reason.${r.kind}`, { name: r.name })).join(', ');
}
