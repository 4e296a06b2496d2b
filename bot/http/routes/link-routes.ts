import type { Request, Server } from 'restify';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { channelDisplayName } from '../../domain/conversations/installation.js';
import { parseTargetKey } from '../../domain/links/link.js';
import type { Logger } from '../../log/logger.js';
import { resolveAccess, requireRole, type AccessDeps } from '../../use-cases/access.js';
import { personName } from '../../use-cases/broadcasts/recipient-names.js';
import { addLink, LINK_ROLES, linkOptions, type LinkDeps } from '../../use-cases/link-conversations.js';
import { currentPlan, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import { invalidInput, refuse } from '../../use-cases/refusals.js';
import { requirePrincipal, type Authenticator } from '../auth/authenticator.js';
import { route, said, textFor } from '../respond.js';
import { conversationId, text } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** `programme:kulg` or `unit:leknes-skole` and where: the plan decides whether the target exists. */
const linkFields = { target: text(200).min(1), conversationId };
const linkBody = z.object(linkFields);
const linkQuery = z.object(linkFields);

export interface LinkRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  read: ReadPlanDeps;
  link: LinkDeps;
}

/**
 * Channel links for the tab's administration: where the bot is installed, what is linked where,
 * and linking or unlinking. Admins and coordinators only; checked here on every call.
 */
export function linkRoutes(server: Server, deps: LinkRouteDeps): void {
  const authorised = async (req: Request) => {
    const principal = await requirePrincipal(deps.authenticate, req, said(req, 'SIGN_IN_REQUIRED'));
    const access = await resolveAccess(deps.access, principal);
    requireRole(access, LINK_ROLES, textFor(req).link.refused);
    return access;
  };

  server.get(
    '/api/installations',
    route(deps.logger, async (req, res) => {
      await authorised(req);
      const installations = await deps.link.registry.list();
      res.json(200, {
        installations: installations.map((i) => ({
          conversationId: i.conversationId,
          kind: i.kind,
          name: channelDisplayName(i),
          teamId: i.teamId ?? null,
          status: i.status,
          staleReason: i.staleReason ?? null,
          updatedAt: i.updatedAt,
        })),
      });
    }),
  );

  server.get(
    '/api/links',
    route(deps.logger, async (req, res) => {
      await authorised(req);
      const stored = await currentPlan(deps.read);
      const links = await deps.link.links.all();
      // Who linked it, by name: the people repository, else the name Teams gave in their chat.
      const names = new Map<string, string | undefined>();
      const nameDeps = { registry: deps.link.registry, people: deps.access.people };
      for (const by of new Set(links.map((l) => l.linkedBy))) names.set(by, await personName(nameDeps, by));
      res.json(200, {
        options: stored ? linkOptions(stored.plan) : [],
        links: links.map((l) => ({
          target: `${l.target.kind}:${l.target.id}`,
          conversationId: l.conversationId,
          linkedBy: l.linkedBy,
          linkedByName: names.get(l.linkedBy) ?? null,
          linkedAt: l.linkedAt,
        })),
      });
    }),
  );

  server.post(
    '/api/links',
    route(deps.logger, async (req, res) => {
      const access = await authorised(req);
      const { body } = parseRequest(req, { body: linkBody });
      const stored = await currentPlan(deps.read);
      if (!stored) throw new NotFoundError(textFor(req).link.noPlan);
      const link = await addLink(
        deps.link,
        access,
        stored.plan,
        body.conversationId,
        body.target,
        textFor(req).link.refused,
      );
      res.json(201, { link: { ...link, target: body.target } });
    }),
  );

  server.del(
    '/api/links',
    route(deps.logger, async (req, res) => {
      await authorised(req);
      const { query } = parseRequest(req, { query: linkQuery });
      const target = parseTargetKey(query.target);
      if (!target) throw refuse(invalidInput, 'LINK_TARGET_UNKNOWN', { key: query.target });
      await deps.link.links.remove(target, query.conversationId);
      res.json(200, { removed: true });
    }),
  );
}
