import type { Activity, TurnContext } from 'botbuilder';
import type { Language, Messages } from '../i18n/index.js';

/** What a card action answers: a new card for the presser, or a short message. */
export type CardActionReply =
  { card: Record<string, unknown>; message?: undefined } | { card?: undefined; message: string };

/**
 * A card action (Action.Execute verb, or the same verb in an Action.Submit fallback). Handlers
 * check who may do what themselves, on the server, whatever the card data says.
 */
export interface CardActionHandler {
  readonly verb: string;
  handle(context: TurnContext, data: Record<string, unknown>, text: Messages): Promise<CardActionReply>;
}

/** A chat command, e.g. `neste`, with its words per language. */
export interface ChatCommand {
  /**
   * Command words, lower case, each with the language it comes from (`neste` → nb, `next` → en).
   * The word only chooses the command: the answer is in the person's language, passed to `handle`.
   */
  readonly words: Readonly<Record<string, Language>>;
  /** How the help card lists it, per language. */
  readonly help: Readonly<Record<Language, { name: string; description: string }>>;
  /**
   * Answers the command; `args` is the rest of the message after the command word, `text` and
   * `language` are the person's (their choice, else Norwegian bokmål).
   */
  handle(
    context: TurnContext,
    args: string,
    text: Messages,
    /** Always given by the bot; optional for callers that run a command directly. */
    language?: Language,
  ): Promise<Partial<Activity> | string>;
}
