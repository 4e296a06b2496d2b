import type { TurnContext } from 'botbuilder';
import { ForbiddenError, PlanpulsError } from '../../domain/errors.js';
import type { Messages } from '../../i18n/index.js';
import { resolveAccess, type Access } from '../../use-cases/access.js';
import { LINK_ROLES, linkOptions, setConversationLinks } from '../../use-cases/link-conversations.js';
import { currentPlan } from '../../use-cases/read-plan.js';
import { linkCardData, renderLinkCard } from '../cards/link-card.js';
import type { PlanpulsBotDeps } from '../planpuls-bot.js';
import { principalOf } from '../planpuls-bot.js';

export type LinkReply =
  { card: Record<string, unknown>; message?: undefined } | { card?: undefined; message: string };

/** The `koble` card for a conversation, with its current links chosen; refused for non-admins. */
export async function linkCardFor(
  deps: PlanpulsBotDeps,
  access: Access,
  text: Messages,
  conversationId: string,
  notice = '',
): Promise<LinkReply> {
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

/**
 * Saves the links chosen in the card. The role check happens here, on the server, whatever the
 * card says; the conversation is the one the action came from, not one named in the card data.
 */
export async function handleLinkAction(
  deps: PlanpulsBotDeps,
  context: TurnContext,
  text: Messages,
  data: Record<string, unknown> | undefined,
): Promise<LinkReply> {
  const access = await resolveAccess(deps.access, principalOf(context));
  const conversationId = context.activity.conversation.id.split(';')[0]!;
  const stored = await currentPlan(deps.read);
  if (!stored) return { message: text.link.noPlan };
  const keys = String(data?.targets ?? '')
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
}
