import type { Activity, InvokeResponse } from 'botbuilder';
import { PlanpulsError } from '../domain/errors.js';
import type { Messages } from '../i18n/index.js';

/** What a failed turn answers: a chat message, or the invoke response a pressed card waits for. */
export type TurnErrorReply = { message: string } | { invokeResponse: InvokeResponse };

/**
 * The answer to a turn that failed. The text says storage is out of reach when that is why (the
 * person can do nothing but wait), else that something went wrong.
 *
 * A card press (`adaptiveCard/action`) gets its invoke response, without which botbuilder answers
 * 501 and Teams shows only its own "Something went wrong": HTTP 200 with the
 * `application/vnd.microsoft.activity.message` type, which Teams shows as a note under the card,
 * as Planpuls's other refusals of a press do. It leaves the card as it was, so a form keeps what
 * the person typed and she can press again; an error card would replace it, and Teams does not
 * show the text of an `application/vnd.microsoft.error` reply reliably. Other invokes (none are
 * in use) get 503 or 500 with the text.
 */
export function turnErrorReply(
  activity: Pick<Activity, 'type' | 'name'>,
  error: unknown,
  text: Messages,
): TurnErrorReply {
  const storageDown = isStorageOutage(error);
  const message = storageDown ? text.errors.storageUnreachable : text.errors.turnFailed;
  if (activity.type !== 'invoke') return { message };
  if (activity.name === 'adaptiveCard/action') {
    return {
      invokeResponse: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message },
      },
    };
  }
  return {
    invokeResponse: {
      status: storageDown ? 503 : 500,
      body: { error: { code: storageDown ? 'STORAGE_UNAVAILABLE' : 'INTERNAL', message } },
    },
  };
}

/** A storage failure, also when a use case wrapped it as the cause of its own error. */
function isStorageOutage(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof PlanpulsError && e.code === 'STORAGE_UNAVAILABLE') return true;
  }
  return false;
}
