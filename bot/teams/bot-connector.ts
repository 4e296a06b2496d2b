import type { ConversationRef } from '../domain/conversations/conversation-ref.js';
import { ACTIVITY_ID_UNKNOWN } from '../domain/delivery/delivery.js';
import { classifyStatus } from '../domain/delivery/retry-policy.js';
import { ConnectorError, type Connector, type OutgoingActivity } from '../delivery/ports.js';
import type { TeamsDirectory } from '../use-cases/teams-directory.js';

export interface BotConnectorOptions {
  /** Bearer tokens for the Bot Connector service; absent in local mode. */
  token?: () => Promise<string>;
  /** A call slower than this is abandoned as a timeout (transient). */
  timeoutMs?: number;
}

/**
 * The delivery engine's connector: the Bot Connector REST API (post, update, delete an activity),
 * one attempt per call. Retries, backoff and rate limits belong to the delivery engine, which is
 * why this does not go through the SDK's ConnectorClient: that one retries on its own and hides
 * 429s and their Retry-After.
 */
export function createBotConnector(options: BotConnectorOptions = {}): Connector & TeamsDirectory {
  const call = (reference: ConversationRef, method: string, path: string, body?: unknown): Promise<unknown> =>
    request(
      reference.serviceUrl,
      `v3/conversations/${encodeURIComponent(reference.conversation.id)}/activities${path}`,
      method,
      body,
    );

  async function request(serviceUrl: string, path: string, method: string, body?: unknown): Promise<unknown> {
    const base = serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`;
    const url = new URL(path, base);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (options.token) headers.authorization = `Bearer ${await options.token()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(error as Error).message}`;
      throw new ConnectorError({ kind: 'transient', status: undefined, reason }, { cause: error });
    }
    const text = await response.text();
    if (!response.ok) throw failureOf(response, text);
    return text ? (JSON.parse(text) as unknown) : {};
  }

  const outgoing = (reference: ConversationRef, activity: OutgoingActivity) => ({
    ...activity,
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: reference.conversation,
    from: reference.bot,
  });

  return {
    post: async (reference, activity) => {
      const reply = (await call(reference, 'POST', '', outgoing(reference, activity))) as { id?: string };
      // Accepted without an id is still delivered; a retry would post it twice.
      return typeof reply.id === 'string' && reply.id ? reply.id : ACTIVITY_ID_UNKNOWN;
    },
    update: async (reference, activityId, activity) => {
      await call(reference, 'PUT', `/${encodeURIComponent(activityId)}`, {
        ...outgoing(reference, activity),
        id: activityId,
      });
    },
    delete: async (reference, activityId) => {
      await call(reference, 'DELETE', `/${encodeURIComponent(activityId)}`);
    },
    channels: async (serviceUrl, teamId) => {
      const reply = (await request(
        serviceUrl,
        `v3/teams/${encodeURIComponent(teamId)}/conversations`,
        'GET',
      )) as {
        conversations?: { id: string; name?: string | null }[];
      };
      return (reply.conversations ?? []).map((c) => ({ id: c.id, ...(c.name ? { name: c.name } : {}) }));
    },
  };
}

function failureOf(response: Response, body: string): ConnectorError {
  let code: string | undefined;
  try {
    code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    // A body that is not JSON carries no code; the status decides.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after') ?? undefined);
  return new ConnectorError({
    kind: classifyStatus(response.status, code),
    status: response.status,
    reason: `${response.status}${code ? ` ${code}` : ''}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
