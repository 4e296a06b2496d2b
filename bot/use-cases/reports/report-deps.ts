import { isTeamsUserId, MAX_REFRESH_USERS, type TeamsUserIds } from '../teams-user-ids.js';
import type { ConversationRef } from '../../domain/conversations/conversation-ref.js';
import type { PlanFile, Unit } from '../../domain/plan/plan-schema.js';
import type { Campaign, CampaignDefaults } from '../../domain/reports/campaign.js';
import type { Report } from '../../domain/reports/report.js';
import type { LocalPlan } from '../../domain/reports/local-plan.js';
import type { LocalPlanRepository } from './local-plan-repository.js';
import type { OutgoingActivity, Outbox } from '../../delivery/ports.js';
import type { Person } from '../../domain/people/person.js';
import type { AccessDeps } from '../access.js';
import type { InstallationRegistry } from '../installation-registry.js';
import type { LinkRepository } from '../link-repository.js';
import type { ReadPlanDeps } from '../read-plan.js';
import type { CampaignRepository, ReportRepository } from './report-repository.js';
import type { DueJobs } from '../due-jobs.js';
import type { CampaignCache } from './campaign-cache.js';
import type { ReportEdits } from './report-edits.js';
import type { Language } from '../../i18n/index.js';
import type { NotificationChoices } from '../notification-choices.js';
import type { LanguagePreferences } from '../language-preferences.js';

/** Everything a card needs to show one unit's report in a campaign. */
export interface ReportView {
  readonly campaign: Campaign;
  readonly plan: PlanFile;
  readonly unit: Unit;
  readonly report: Report | undefined;
  /** The unit's local plan now: a form with no report yet (or one based on an older plan) starts from it. */
  readonly localPlan?: LocalPlan | undefined;
  /** A message at the top: saved, refused, stale. */
  readonly notice?: { text: string; tone: 'good' | 'attention' };
  /** Past the deadline: a submitted report can no longer be changed. */
  readonly closed: boolean;
  /** The form shows these values instead of the stored ones (input refused, shown back). */
  readonly input?: Report['content'];
  /** The card is for one of the unit's leaders (or an admin) alone: the summary offers «Endre». */
  readonly editor?: boolean;
  /**
   * Teams user ids (MRI, `29:…`) of the unit's leaders: a shared summary asks Teams to refresh
   * it for them (Universal Actions `refresh.userIds`), so they alone get the view with «Endre».
   */
  readonly leaderMris?: readonly string[];
}

/** How report messages look; the Teams layer provides it, so use cases stay free of card JSON. */
export interface ReportRenderer {
  /** The form, or the read-only summary once submitted. */
  card(view: ReportView): Record<string, unknown>;
  /** A short card for a refusal where no form can be shown. */
  notice(text: string): Record<string, unknown>;
  /** The request posted to a leader's chat or the unit's channel (with an @mention there). */
  request(view: ReportView, mention?: { leaders: readonly Person[]; text: string }): OutgoingActivity;
  reminder(view: ReportView, daysLeft: number): OutgoingActivity;
  escalation(campaign: Campaign, missing: readonly Unit[], total: number): OutgoingActivity;
}

export interface ReportDeps {
  read: ReadPlanDeps;
  access: AccessDeps;
  reports: ReportRepository;
  localPlans: LocalPlanRepository;
  campaigns: CampaignRepository;
  outbox: Outbox;
  links: LinkRepository;
  registry: InstallationRegistry;
  defaults: CampaignDefaults;
  render: ReportRenderer;
  /**
   * Cards in a person's own language: what she gets back from a press or `rapport`, and what is
   * posted in her personal chat (requests, reminders, the kommunalsjef's list of missing units).
   * What is posted in a shared channel stays `render`'s (Norwegian). Without it, `render`.
   */
  renderFor?: (language: Language) => ReportRenderer;
  /** Each person's chosen language, for what is posted in her personal chat. Without it, Norwegian. */
  languages?: Pick<LanguagePreferences, 'get'>;
  /** With jobs, posted request cards are revised by a due job right after a submit, off the invoke. */
  jobs?: DueJobs;
  /** Campaign and plan reused between card actions (see campaign-cache). */
  cache?: CampaignCache;
  /** Teams user ids of people who acted anywhere (leaders without a personal chat included). */
  teamsUsers?: TeamsUserIds;
  /** Open «Endre» forms: kept for their person through refreshes and background revisions. */
  edits?: ReportEdits;
  /** What each leader wants in her chat: report reminders skip those who chose the digest only. */
  choices?: Pick<NotificationChoices, 'get'>;
}

/** The language a person chose (Norwegian bokmål when she chose none, or nobody can tell). */
export async function languageOf(deps: Pick<ReportDeps, 'languages'>, aadObjectId: string): Promise<Language> {
  return (await deps.languages?.get(aadObjectId.toLowerCase())) ?? 'nb';
}

/** The renderer for cards in a language: Norwegian is `render`. */
export function rendererIn(deps: Pick<ReportDeps, 'render' | 'renderFor'>, language: Language): ReportRenderer {
  return language === 'nb' ? deps.render : (deps.renderFor?.(language) ?? deps.render);
}

/**
 * People grouped by their chosen language, Norwegian first: what one message per language needs
 * when it goes to several people's personal chats.
 */
export async function byLanguage<P extends { aadObjectId: string }>(
  deps: Pick<ReportDeps, 'languages'>,
  people: readonly P[],
): Promise<Map<Language, P[]>> {
  const chosen = await Promise.all(people.map((p) => languageOf(deps, p.aadObjectId)));
  const groups = new Map<Language, P[]>([['nb', []]]);
  people.forEach((p, i) => groups.set(chosen[i]!, [...(groups.get(chosen[i]!) ?? []), p]));
  if (groups.get('nb')!.length === 0) groups.delete('nb');
  return groups;
}

/** Active personal chats of a person. */
export async function personalChatsOf(
  registry: InstallationRegistry,
  aadObjectId: string,
): Promise<ConversationRef[]> {
  const found = await registry.list({ userAadObjectId: aadObjectId.toLowerCase(), kind: 'personal' });
  return found.filter((i) => i.status === 'active').map((i) => i.reference);
}

/** Active channels linked to a unit. */
export async function unitChannels(deps: Pick<ReportDeps, 'links' | 'registry'>, unitId: string) {
  const refs: ConversationRef[] = [];
  for (const link of await deps.links.byTarget({ kind: 'unit', id: unitId })) {
    const installation = await deps.registry.get(link.conversationId);
    if (installation?.status === 'active') refs.push(installation.reference);
  }
  return refs;
}

/**
 * Teams user ids (MRI) of a unit's leaders: as their personal chats with the bot recorded them, and
 * as any of their own activities showed them (a leader who only uses the unit's channel).
 */
export async function leaderMris(
  deps: Pick<ReportDeps, 'access' | 'registry' | 'teamsUsers'>,
  unitId: string,
): Promise<string[]> {
  const leaders = await leadersOf(deps, unitId);
  const ids = new Set<string>();
  const withoutChat: string[] = [];
  const chats = await Promise.all(
    leaders.map((leader) => personalChatsOf(deps.registry, leader.aadObjectId)),
  );
  leaders.forEach((leader, i) => {
    const found = chats[i]!.map((ref) => ref.user?.id).filter(isTeamsUserId);
    for (const id of found) ids.add(id);
    if (found.length === 0) withoutChat.push(leader.aadObjectId);
  });
  // Leaders without a personal chat are known by their presses elsewhere, if at all.
  if (withoutChat.length > 0 && deps.teamsUsers)
    for (const id of (await deps.teamsUsers.of(withoutChat)).values()) ids.add(id);
  return [...ids].slice(0, MAX_REFRESH_USERS);
}

/** The people who lead a unit. */
export async function leadersOf(deps: Pick<ReportDeps, 'access'>, unitId: string): Promise<Person[]> {
  return (await deps.access.people.list()).filter((p) => p.leads.includes(unitId));
}
