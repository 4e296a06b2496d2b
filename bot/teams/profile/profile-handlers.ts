import { ROLES } from '../../domain/people/person.js';
import type { Language } from '../../i18n/index.js';
import { profileTexts, type ProfileTexts } from '../../i18n/profile.js';
import { reminderTexts } from '../../i18n/reminders.js';
import { resolveAccess, type AccessDeps } from '../../use-cases/access.js';
import { myNetworks, type MyNetwork, type MyNetworksDeps } from '../../use-cases/my-work/my-networks.js';
import { formatEventDate } from '../cards/reminder-cards.js';
import type { ChatCommand } from '../extensions.js';
import { principalOf } from '../principal.js';

/** `meg` / `profil`: her name and roles in Planpuls, and «Mine nettverk» as the tab shows them. */
export function profileCommand(deps: MyNetworksDeps & { access: AccessDeps }): ChatCommand {
  return {
    words: { meg: 'nb', profil: 'nb', me: 'en', profile: 'en' },
    help: { nb: profileTexts('nb').command, en: profileTexts('en').command },
    async handle(context, _args, _messages, language = 'nb') {
      const text = profileTexts(language);
      const access = await resolveAccess(deps.access, principalOf(context));
      const { leads, networks } = await myNetworks(deps, access);
      const name = access.person?.name ?? context.activity.from.name ?? text.unnamed;
      const roles = ROLES.filter((r) => access.roles.has(r)).map((r) => text.roleNames[r]);
      const list =
        networks.length === 0
          ? text.noNetworks
          : networks.map((n) => `- ${networkLine(n, text, language)}`).join('\n');
      const units = leads.map((u) => u.name);
      return [
        `**${name}**`,
        text.roles(listed(roles, text)),
        ...(units.length > 0 ? [text.leads(listed(units, text), units.length)] : []),
        `**${text.networksHeading}**`,
        list,
      ].join('\n\n');
    },
  };
}

/** «**KULG** (du er medlem) · koordinator: Kåre Koordinator · neste møte: torsdag 14. januar 2027 (uke 2), Ledermøte KULG». */
function networkLine(n: MyNetwork, text: ProfileTexts, language: Language): string {
  const units = n.reasons.flatMap((r) => (r.kind === 'unit' ? [r.name] : []));
  const roles = n.reasons.flatMap((r) => (r.kind === 'role' ? [r.name] : []));
  const why = [
    ...(n.reasons.some((r) => r.kind === 'member') ? [text.member] : []),
    ...(units.length > 0 ? [text.unit(listed(units, text), units.length)] : []),
    ...(roles.length > 0 ? [text.role(listed(roles, text), roles.length)] : []),
  ].join(', ');
  const parts = [
    `**${n.name}** (${why})`,
    ...(n.coordinators.length > 0 ? [text.coordinator(listed(n.coordinators, text))] : []),
    n.next
      ? text.next(
          formatEventDate(
            { date: n.next.date, endDate: n.next.endDate ?? undefined },
            reminderTexts(language),
          ),
          n.next.title,
        )
      : text.nextNone,
  ];
  return parts.join(' · ');
}

function listed(names: readonly string[], text: ProfileTexts): string {
  return new Intl.ListFormat(text.locale, { type: 'conjunction' }).format(names);
}
