import { MessageFactory, type TurnContext } from 'botbuilder';
import { ForbiddenError, PlanpulsError } from '../../domain/errors.js';
import { messages, type Messages } from '../../i18n/index.js';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type Access, type AccessDeps } from '../../use-cases/access.js';
import {
  LINK_ROLES,
  linkOptions,
  setConversationLinks,
  type LinkDeps,
} from '../../use-cases/link-conversations.js';
import { currentPlan, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import { cardMessage } from '../card-message.js';
import { linkCardData, renderLinkCard } from '../cards/link-card.js';
import type { CardActionHandler, CardActionReply, ChatCommand } from '../extensions.js';
import { principalOf } from '../principal.js';

export interface LinkHandlerDeps {
  read: ReadPlanDeps;
  link: LinkDeps;
  access: AccessDeps;
  logger: Logger;
}

/** `koble` in a channel or group chat: the card to link it with, for admins and coordinators. */
export function linkCommand(deps: LinkHandlerDeps): ChatCommand {
  return {
    words: { koble: 'nb', link: 'en' },
    help: { nb: messages('nb').link.command, en: messages('en').link.command },
    async handle(context, _args, text) {
      if (context.activity.conversation.conversationType === 'personal')
        return MessageFactory.text(text.link.useInChannel);
      const access = await resolveAccess(deps.access, principalOf(context));
      const result = await linkCardFor(deps, access, text, conversationOf(context));
      return result.card ? cardMessage(result.card) : MessageFactory.text(result.message);
    },
  };
}

/**
 * Saves the links chosen in the card. The role check happens here, on the server, whatever the
 * card says; the conversation is the one the action came from, not one named in the card data.
 */
export function linkAction(deps: LinkHandlerDeps): CardActionHandler {
  return {
    verb: 'koble',
    async handle(context, data, text) {
      const access = await resolveAccess(deps.access, principalOf(context));
      const conversationId = conversationOf(context);
      const stored = await currentPlan(deps.read);
      if (!stored) return { message: text.link.noPlan };
      const keys = String(data.targets ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      try {
        const { added, removed } = await setConversationLinks(
          deps.link,
          access,
          stored.plan,
          conversationId,
          keys,
          text.link.refused,
        );
        deps.logger.info('conversation links changed', {
          conversationId,
          by: access.principal.aadObjectId,
          added: added.length,
          removed: removed.length,
        });
      } catch (error) {
        if (error instanceof ForbiddenError) return { message: text.link.refused };
        if (error instanceof PlanpulsError && error.code !== 'STORAGE_UNAVAILABLE')
          return { message: error.message };
        throw error;
      }
      const options = linkOptions(stored.plan);
      const names = keys.map((key) => options.find((o) => o.key === key)?.title ?? key);
      return linkCardFor(
        deps,
        access,
        text,
        conversationId,
        names.length > 0 ? text.link.saved(names.join(', ')) : text.link.none,
      );
    },
  };
}

/** The `koble` card for a conversation, with its current links chosen; refused for non-admins. */
async function linkCardFor(
  deps: LinkHandlerDeps,
  access: Access,
  text: Messages,
  conversationId: string,
  notice = '',
): Promise<CardActionReply> {
  if (!LINK_ROLES.some((role) => access.roles.has(role))) return { message: text.link.refused };
  const stored = await currentPlan(deps.read);
  if (!stored) return { message: text.link.noPlan };
  const selected = (await deps.link.links.all())
    .filter((l) => l.conversationId === conversationId)
    .map((l) => `${l.target.kind}:${l.target.id}`);
  return {
    card: renderLinkCard(linkCardData(text, conversationId, linkOptions(stored.plan), selected, notice)),
  };
}

/** The conversation without Teams' `;messageid=…` suffix (a channel thread's). */
function conversationOf(context: TurnContext): string {
  return context.activity.conversation.id.split(';')[0]!;
}
