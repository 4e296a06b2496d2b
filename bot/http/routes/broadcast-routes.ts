import type { Request, Server } from 'restify';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../domain/errors.js';
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
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route } from '../respond.js';

/** The header an automation sends its key in. */
export const AUTOMATION_KEY_HEADER = 'x-planpuls-automation-key';

export interface BroadcastRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  broadcasts: BroadcastDeps;
  keys: AutomationKeyRepository;
}

/** Broadcasts for the tab (drafts, preview, send, schedule, cancel, status) and for automations. */
export function broadcastRoutes(server: Server, deps: BroadcastRouteDeps): void {
  const b = deps.broadcasts;
  const who = async (req: Request) =>
    resolveAccess(b.access, await requirePrincipal(deps.authenticate, req, 'Du må være logget inn.'));
  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;
  const id = (req: Request) => String(req.params.id);
  const requireAdmin = (access: Access) => {
    if (!access.roles.has('admin'))
      throw new ForbiddenError('Beklager, bare kommunalsjefen kan styre automasjonsnøkler.');
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
      res.json(201, { broadcast: await createDraft(b, await who(req), body(req)) });
    }),
  );
  server.put(
    '/api/broadcasts/:id',
    route(deps.logger, async (req, res) => {
      res.json(200, { broadcast: await updateDraft(b, await who(req), id(req), body(req)) });
    }),
  );
  server.post(
    '/api/broadcasts/:id/preview',
    route(deps.logger, async (req, res) => {
      await previewBroadcast(b, await who(req), id(req));
      res.json(202, { ok: true });
    }),
  );
  /** Where «Send nå» would go, by name: the tab asks the sender to confirm it first. */
  server.get(
    '/api/broadcasts/:id/audience',
    route(deps.logger, async (req, res) => {
      res.json(200, await previewAudience(b, await who(req), id(req)));
    }),
  );
  server.post(
    '/api/broadcasts/:id/send',
    route(deps.logger, async (req, res) => {
      res.json(202, await sendBroadcast(b, await who(req), id(req), body(req).sendAt));
    }),
  );
  server.post(
    '/api/broadcasts/:id/cancel',
    route(deps.logger, async (req, res) => {
      await cancelBroadcast(b, await who(req), id(req));
      res.json(200, { ok: true });
    }),
  );
  server.get(
    '/api/broadcasts/:id/status',
    route(deps.logger, async (req, res) => {
      res.json(200, await broadcastStatus(b, await who(req), id(req)));
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
      const name = typeof body(req).name === 'string' ? String(body(req).name) : 'automasjon';
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
      if (!(await revokeAutomationKey({ keys: deps.keys, clock: b.clock }, id(req))))
        throw new NotFoundError('Fant ikke nøkkelen.');
      res.json(200, { revoked: true });
    }),
  );

  /** Queues a broadcast for an automation; it acts with the authority of the admin who made its key. */
  server.post(
    '/api/automation/broadcasts',
    route(deps.logger, async (req, res) => {
      const key = await verifyAutomationKey({ keys: deps.keys }, req.header(AUTOMATION_KEY_HEADER));
      if (!key) throw new UnauthorizedError('Ugyldig eller tilbakekalt automasjonsnøkkel.');
      const access = await resolveAccess(b.access, {
        aadObjectId: key.createdBy,
        name: `automasjon ${key.name}`,
      });
      const draft = await createDraft(b, access, body(req));
      const sent = await sendBroadcast(b, access, draft.id, body(req).sendAt);
      deps.logger.info('automation queued a broadcast', { keyId: key.id, broadcastId: draft.id });
      res.json(202, { id: draft.id, ...sent });
    }),
  );
}
