import type { Request, Server } from 'restify';
import { z } from 'zod';
import { parseAudience } from '../../domain/agenda/audience.js';
import { MAX_CARD_TEXT, MAX_READING, MAX_TITLE } from '../../domain/agenda/markdown.js';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, type Access } from '../../use-cases/access.js';
import {
  createAutomationKey,
  revokeAutomationKey,
  verifyAutomationKey,
  type AutomationKeyRepository,
} from '../../use-cases/broadcasts/automation-keys.js';
import type { BroadcastDeps } from '../../use-cases/broadcasts/broadcast-deps.js';
import {
  broadcastStatus,
  cancelBroadcast,
  createDraft,
  listBroadcasts,
  previewAudience,
  previewBroadcast,
  sendBroadcast,
  updateDraft,
} from '../../use-cases/broadcasts/manage-broadcasts.js';
import { forbidden, notFound, refuse, unauthorized } from '../../use-cases/refusals.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said } from '../respond.js';
import {
  cardText,
  conversationId,
  httpsLink,
  id,
  instant,
  isWellFormed,
  MAX_AUDIENCES,
  text,
} from '../schemas.js';
import { parseRequest } from '../validate.js';

/** The header an automation sends its key in. */
export const AUTOMATION_KEY_HEADER = 'x-planpuls-automation-key';

export interface BroadcastRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  broadcasts: BroadcastDeps;
  keys: AutomationKeyRepository;
}

/** `programme:kulg`, `unit:…`, `role:enhetsleder`, `conversation:19:…`: each id as ids are. */
const audience = text(200).refine((key) => {
  if (!isWellFormed(key)) return true; // said already, as text that is not text
  const parsed = parseAudience(key);
  if (!parsed) return false;
  if (parsed.kind === 'role') return true;
  return (parsed.kind === 'conversation' ? conversationId : id).safeParse(parsed.id).success;
});

/** An empty link or reading (the tab's empty input) means none. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** A broadcast's fields: every text a card shows under the card's markdown rule. */
const fields = {
  title: cardText(MAX_TITLE),
  text: cardText(MAX_CARD_TEXT, { body: true }),
  link: optional(httpsLink()),
  reading: optional(cardText(MAX_READING)),
  audiences: z.array(audience).min(1).max(MAX_AUDIENCES),
};
/** A new draft has them all (but link and reading); a change, those it changes. */
const draftBody = z.object(fields);
const changeBody = z.object(fields).partial();
const sendBody = z.object({ sendAt: optional(instant) });
const byId = z.object({ id });
/** An automation sends the draft and when to send it in one body. */
const automationBody = draftBody.extend(sendBody.shape);
const keyBody = z.object({ name: optional(text(100)) });

/** Broadcasts for the tab (drafts, preview, send, schedule, cancel, status) and for automations. */
export function broadcastRoutes(server: Server, deps: BroadcastRouteDeps): void {
  const b = deps.broadcasts;
  const who = async (req: Request) =>
    resolveAccess(b.access, await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED')));
  /** The broadcast's id; a malformed one is refused before anything is read. */
  const idOf = (req: Request) => parseRequest(req, { params: byId }).params.id;
  const requireAdmin = (access: Access) => {
    if (!access.roles.has('admin')) throw refuse(forbidden, 'AUTOMATION_KEYS_ADMIN_ONLY');
  };

  server.get(
    '/api/broadcasts',
    route(deps.logger, async (req, res) => {
      res.json(200, { broadcasts: await listBroadcasts(b, await who(req)) });
    }),
  );
  server.post(
    '/api/broadcasts',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { body } = parseRequest(req, { body: draftBody });
      res.json(201, { broadcast: await createDraft(b, access, body) });
    }),
  );
  server.put(
    '/api/broadcasts/:id',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: byId, body: changeBody });
      res.json(200, { broadcast: await updateDraft(b, access, params.id, body) });
    }),
  );
  server.post(
    '/api/broadcasts/:id/preview',
    route(deps.logger, async (req, res) => {
      await previewBroadcast(b, await who(req), idOf(req));
      res.json(202, { ok: true });
    }),
  );
  /** Where «Send nå» would go, by name: the tab asks the sender to confirm it first. */
  server.get(
    '/api/broadcasts/:id/audience',
    route(deps.logger, async (req, res) => {
      res.json(200, await previewAudience(b, await who(req), idOf(req)));
    }),
  );
  server.post(
    '/api/broadcasts/:id/send',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      const { params, body } = parseRequest(req, { params: byId, body: sendBody });
      res.json(202, await sendBroadcast(b, access, params.id, body.sendAt));
    }),
  );
  server.post(
    '/api/broadcasts/:id/cancel',
    route(deps.logger, async (req, res) => {
      await cancelBroadcast(b, await who(req), idOf(req));
      res.json(200, { ok: true });
    }),
  );
  server.get(
    '/api/broadcasts/:id/status',
    route(deps.logger, async (req, res) => {
      res.json(200, await broadcastStatus(b, await who(req), idOf(req)));
    }),
  );

  server.get(
    '/api/automation/keys',
    route(deps.logger, async (req, res) => {
      requireAdmin(await who(req));
      const keys = await deps.keys.list();
      res.json(200, {
        keys: keys.map((k) => ({
          id: k.id,
          name: k.name,
          createdAt: k.createdAt,
          revokedAt: k.revokedAt ?? null,
        })),
      });
    }),
  );
  server.post(
    '/api/automation/keys',
    route(deps.logger, async (req, res) => {
      const access = await who(req);
      requireAdmin(access);
      const name = parseRequest(req, { body: keyBody }).body.name || 'automasjon';
      res.json(
        201,
        await createAutomationKey({ keys: deps.keys, clock: b.clock }, name, access.principal.aadObjectId),
      );
    }),
  );
  server.del(
    '/api/automation/keys/:id',
    route(deps.logger, async (req, res) => {
      requireAdmin(await who(req));
      if (!(await revokeAutomationKey({ keys: deps.keys, clock: b.clock }, idOf(req))))
        throw refuse(notFound, 'AUTOMATION_KEY_NOT_FOUND');
      res.json(200, { revoked: true });
    }),
  );

  /** Queues a broadcast for an automation; it acts with the authority of the admin who made its key. */
  server.post(
    '/api/automation/broadcasts',
    route(deps.logger, async (req, res) => {
      const key = await verifyAutomationKey({ keys: deps.keys }, req.header(AUTOMATION_KEY_HEADER));
      if (!key) throw refuse(unauthorized, 'AUTOMATION_KEY_INVALID');
      const access = await resolveAccess(b.access, {
        aadObjectId: key.createdBy,
        name: `automasjon ${key.name}`,
      });
      const { body } = parseRequest(req, { body: automationBody });
      const draft = await createDraft(b, access, body);
      const sent = await sendBroadcast(b, access, draft.id, body.sendAt);
      deps.logger.info('automation queued a broadcast', { keyId: key.id, broadcastId: draft.id });
      res.json(202, { id: draft.id, ...sent });
    }),
  );
}
