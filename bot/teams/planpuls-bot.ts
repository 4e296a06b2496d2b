import {
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { languageOf, messages, type Messages } from '../i18n/index.js';
import type { Logger } from '../log/logger.js';
import { kindOf } from '../domain/conversations/installation.js';
import { languageFor, type LanguagePreferences } from '../use-cases/language-preferences.js';
import {
  forgetTeam,
  recordChannel,
  recordSeen,
  recordTeam,
  renameTeam,
  type TrackDeps,
} from '../use-cases/track-installations.js';
import { channelDataOf, referenceOf, seenFrom } from './activity-reference.js';
import { cardMessage } from './card-message.js';
import { helpCardData, renderHelpCard } from './cards/help-card.js';
import { HELP_WORDS, readCommand } from './commands.js';
import type { CardActionHandler, CardActionReply, ChatCommand } from './extensions.js';
import { principalOf, speak } from './principal.js';

export interface PlanpulsBotDeps {
  logger: Logger;
  track: TrackDeps;
  /** Card actions of the features (links, reading receipts, reports, agendas …), by verb. */
  actions?: readonly CardActionHandler[];
  /**
   * The app was installed in a person's personal chat: what a feature owes her now (the report
   * requests of campaigns already open for the units she leads).
   */
  onPersonalChat?: (aadObjectId: string) => Promise<void>;
  /** Chat commands of the features (koble, språk, neste, sak …); the help card lists them in this order. */
  commands?: readonly ChatCommand[];
  /** Each person's chosen language; without a choice Planpuls speaks Norwegian bokmål. */
  languages: LanguagePreferences;
}

/**
 * The Teams bot. It records where it is installed (from every activity and from installation and
 * channel events), answers commands, and handles card actions. Everything it decides is in use
 * cases; this class only translates Teams activities.
 *
 * One language per person: before any handler runs, the turn's locale is set to the language the
 * person chose (Norwegian bokmål unless they chose English), whatever their Teams client says, so
 * every handler that reads `languageOf(context.activity.locale)` answers in that language.
 */
export class PlanpulsBot extends TeamsActivityHandler {
  constructor(private readonly deps: PlanpulsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await recordSeen(deps.track, seenFrom(context.activity));
      await this.answer(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      const data = channelDataOf(context.activity);
      if (data.team?.id) await forgetTeam(deps.track, data.team.id, 'appen er avinstallert');
      else await deps.track.registry.markStale(context.activity.conversation.id, 'appen er avinstallert');
      await next();
    });
    this.onTeamsMembersAddedEvent(async (members, team, context, next) => {
      if (members.some((m) => m.id === context.activity.recipient.id)) await this.installed(context);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, team, context, next) => {
      if (team?.id && members.some((m) => m.id === context.activity.recipient.id)) {
        await forgetTeam(deps.track, team.id, 'boten er fjernet fra teamet');
      }
      await next();
    });
    // A channel created, renamed or restored: record it with its (new) name.
    const channelSeen = async (
      channel: { id?: string; name?: string | null },
      team: { id?: string; name?: string | null },
      context: TurnContext,
      next: () => Promise<void>,
    ) => {
      if (channel.id && team.id) {
        await recordChannel(
          deps.track,
          { id: team.id, ...nameOf(team), reference: referenceOf(context.activity) },
          { id: channel.id, ...nameOf(channel) },
        );
      }
      await next();
    };
    this.onTeamsChannelCreatedEvent(channelSeen);
    this.onTeamsChannelRenamedEvent(channelSeen);
    this.onTeamsChannelRestoredEvent(channelSeen);
    this.onTeamsChannelDeletedEvent(async (channel, _team, _context, next) => {
      if (channel.id) await deps.track.registry.markStale(channel.id, 'kanalen er slettet');
      await next();
    });
    this.onTeamsTeamRenamedEvent(async (team, _context, next) => {
      if (team.id && team.name) await renameTeam(deps.track, team.id, team.name);
      await next();
    });
    this.onTeamsTeamDeletedEvent(async (team, _context, next) => {
      if (team.id) await forgetTeam(deps.track, team.id, 'teamet er slettet');
      await next();
    });
    this.onTeamsTeamArchivedEvent(async (team, _context, next) => {
      if (team.id) await forgetTeam(deps.track, team.id, 'teamet er arkivert');
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // Norwegian first, so that even a failed look-up (the turn error's answer) is not in the
    // client's language.
    speak(context, 'nb');
    // Events Teams sends on its own behalf may name nobody: they get Norwegian.
    const who =
      context.activity.from?.aadObjectId || context.activity.from?.id ? principalOf(context) : undefined;
    speak(context, await languageFor(this.deps.languages, who?.aadObjectId));
    await super.run(context);
  }

  /** Every card action verb this bot answers: the features'. */
  get verbs(): string[] {
    return (this.deps.actions ?? []).map((a) => a.verb);
  }

  /** Universal Actions (Action.Execute): the reply replaces the card for the person who pressed. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const text = this.textFor(context);
    // Recording where the press came from need not hold up the answer: both run at once.
    const [, result] = await Promise.all([
      recordSeen(this.deps.track, seenFrom(context.activity)),
      this.runAction(
        context,
        invokeValue.action?.verb,
        (invokeValue.action?.data ?? {}) as Record<string, unknown>,
        text,
      ),
    ]);
    return result.card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card }
      : {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: result.message as unknown as Record<string, unknown>,
        };
  }

  /** Runs a card action by its verb, from the features. */
  private async runAction(
    context: TurnContext,
    verb: string | undefined,
    data: Record<string, unknown>,
    text: Messages,
  ): Promise<CardActionReply> {
    const handler = this.deps.actions?.find((a) => a.verb === verb);
    return handler ? handler.handle(context, data, text) : { message: text.unknownAction };
  }

  private async installed(context: TurnContext): Promise<void> {
    const data = channelDataOf(context.activity);
    if (data.team?.id) {
      await recordTeam(this.deps.track, {
        id: data.team.id,
        ...nameOf(data.team),
        reference: referenceOf(context.activity),
      });
    } else {
      await recordSeen(this.deps.track, seenFrom(context.activity));
    }
    await this.welcome(context);
    if (context.activity.conversation.conversationType === 'personal')
      await this.deps.onPersonalChat?.(principalOf(context).aadObjectId);
  }

  /**
   * A short welcome where the app was installed, once: Teams sends an installationUpdate and a
   * conversationUpdate for one install, and both again on a reinstall. A team (known by its
   * General channel) or a group chat is welcomed in Norwegian; a personal chat in its person's language.
   */
  private async welcome(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const teamId = channelDataOf(activity).team?.id;
    const kind = teamId ? 'channel' : kindOf(activity.conversation.conversationType);
    const place = teamId ?? activity.conversation.id.split(';')[0]!;
    if (!(await this.deps.track.registry.claimWelcome(place))) return;
    const welcome =
      kind === 'personal'
        ? this.textFor(context).welcome.personal
        : messages('nb').welcome[kind === 'channel' ? 'team' : 'groupChat'];
    await context.sendActivity(MessageFactory.text(welcome));
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const text = this.textFor(context);
    const value = activity.value as Record<string, unknown> | undefined;
    // Action.Submit, the fallback of Action.Execute, arrives as a message with a value.
    if (value && typeof value.verb === 'string') {
      const result = await this.runAction(context, value.verb, value, text);
      await context.sendActivity(result.card ? cardMessage(result.card) : result.message!);
      return;
    }

    const { word, args } = readCommand(TurnContext.removeRecipientMention(activity) ?? activity.text);
    // The word chooses the command, never the language: `help` and `hjelp` answer alike.
    const language = languageOf(activity.locale);
    const command = this.deps.commands?.find((c) => Object.hasOwn(c.words, word));
    if (command) {
      await context.sendActivity(await command.handle(context, args, text, language));
      return;
    }
    const more = (this.deps.commands ?? []).map((c) => c.help[language]);
    const card = renderHelpCard(helpCardData(text, !HELP_WORDS.has(word), more));
    await context.sendActivity(cardMessage(card));
  }

  private textFor(context: TurnContext): Messages {
    return messages(languageOf(context.activity.locale));
  }
}

function nameOf(thing: { name?: string | null }): { name?: string } {
  return thing.name ? { name: thing.name } : {};
}
