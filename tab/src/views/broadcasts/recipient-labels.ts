import type { PlanFile } from '../../api/types';
import type { RecipientName } from '../../api/view-types';
import type { Unreached, UnreachedReason } from '../../../../bot/use-cases/broadcasts/unreached';
import { PLAN_TIME_ZONE } from '../../dates/today';
import type { Language, Translate } from '../../i18n/i18n';

/** A conversation as people know it: «Oppvekst › KULG», «Rita Rektor (personlig chat)». */
export function recipientLabel(r: RecipientName, t: Translate): string {
  if (r.kind === 'channel') {
    const channel = r.channel ?? t('broadcasts.generalChannel');
    return r.team ? `${r.team} › ${channel}` : channel;
  }
  if (r.kind === 'personal')
    return r.name
      ? t('broadcasts.personalChatOf', { name: r.name })
      : `${t('broadcasts.personalChat')} ${t('event.unknownPerson')}`;
  return r.name
    ? t('broadcasts.groupChatOf', { name: r.name })
    : `${t('broadcasts.groupChat')} ${t('event.unknownPerson')}`;
}

/** «1 mottaker», «3 mottakere». */
export function recipientCount(count: number, t: Translate): string {
  return count === 1 ? t('broadcasts.oneRecipient') : t('broadcasts.manyRecipients', { count });
}

/** «a, b og c»; past `max` names, «a, b, … og 20 til», so a send to every unit stays readable. */
export function joined(parts: readonly string[], t: Translate, max = 8): string {
  if (parts.length > max)
    return `${parts.slice(0, max).join(', ')} ${t('broadcasts.andMore', { count: parts.length - max })}`;
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${t('broadcasts.and')} ${parts.at(-1)}`;
}

/** An audience key (`programme:kulg`, `role:enhetsleder`, …) by the name people know it by. */
export function audienceLabel(
  key: string,
  plan: PlanFile,
  channels: readonly { conversationId: string; name: string }[],
  t: Translate,
): string {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if (kind === 'programme') return plan.programmes.find((p) => p.id === id)?.name ?? id;
  if (kind === 'unit') return plan.units.find((u) => u.id === id)?.name ?? id;
  if (kind === 'role')
    return t('broadcasts.roleAudience', { role: t(`role.${id}` as 'role.medlem').toLocaleLowerCase() });
  return channels.find((c) => c.conversationId === id)?.name ?? t('broadcasts.channel');
}

const REASONS: readonly UnreachedReason[] = [
  'no-personal-chat',
  'no-linked-channel',
  'channel-not-installed',
  'not-installed',
  'nobody-has-role',
];

/**
 * Who a send does not reach and why, one sentence per reason: «Rita Rektor og Stian Styrer har
 * ikke Planpuls i en personlig chat ennå.», «KULG har ingen koblet kanal.»
 */
export function unreachedSentences(unreached: readonly Unreached[], t: Translate): string[] {
  const name = (u: Unreached) => {
    if (u.reason === 'not-installed' && u.place) return recipientLabel(u.place, t);
    if (u.reason === 'nobody-has-role') return t(`role.${u.name}` as 'role.medlem').toLocaleLowerCase();
    if (u.name) return u.name;
    return t(u.reason === 'no-personal-chat' ? 'broadcasts.unnamedPerson' : 'broadcasts.unnamedNetwork');
  };
  return REASONS.flatMap((reason) => {
    const names = unreached.filter((u) => u.reason === reason).map(name);
    if (names.length === 0) return [];
    const sentence = t(`broadcasts.unreached.${reason}`, { names: joined(names, t) });
    return [sentence.charAt(0).toLocaleUpperCase() + sentence.slice(1)];
  });
}

const LOCALE: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

/** When a scheduled message goes, in words: «torsdag 10. desember kl. 08:00». */
export function sendTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: PLAN_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
