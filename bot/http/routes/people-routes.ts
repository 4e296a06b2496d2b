import type { Server } from 'restify';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { ROLES } from '../../domain/people/person.js';
import type { Logger } from '../../log/logger.js';
import type { AccessDeps } from '../../use-cases/access.js';
import type { InstallationRegistry } from '../../use-cases/installation-registry.js';
import { listPeople, updatePerson, type PersonChange } from '../../use-cases/admin/manage-people.js';
import { currentPlan, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import type { Authenticator } from '../auth/authenticator.js';
import { adminTextsFor, authoriseAdmin } from '../auth/authorise-admin.js';
import { route } from '../respond.js';
import { id } from '../schemas.js';
import { parseRequest } from '../validate.js';

/** The plan's ids (roles, units, networks): whether each exists is the use case's to say. */
const ids = z.array(id).max(100);
/** A person's roles and places; the version may come as `If-Match` instead. */
const personBody = z.object({
  roles: ids,
  leads: ids,
  networks: ids,
  coordinates: ids,
  version: z.string().max(200).nullable().optional(),
});
const personParams = z.object({ id });

export interface PeopleRouteDeps {
  logger: Logger;
  authenticate: Authenticator;
  access: AccessDeps;
  read: ReadPlanDeps;
  /** Names the people stored without one, as Teams gave them in their personal chat. */
  registry: InstallationRegistry;
}

/**
 * People and their roles for the tab's administration: `GET /api/people` lists them with the
 * choices (roles, the plan's units and programmes); `PUT /api/people/:id` changes one, refused
 * with 409 when the version is stale. Admins only, checked on every call.
 */
export function peopleRoutes(server: Server, deps: PeopleRouteDeps): void {
  server.get(
    '/api/people',
    route(deps.logger, async (req, res) => {
      await authoriseAdmin(deps.authenticate, deps.access, req);
      const stored = await currentPlan(deps.read);
      res.header('cache-control', 'no-store');
      res.json(200, {
        people: await listPeople({ ...deps.access, registry: deps.registry }),
        options: {
          roles: ROLES,
          units: (stored?.plan.units ?? []).map((u) => ({ id: u.id, name: u.name })),
          programmes: (stored?.plan.programmes ?? []).map((p) => ({ id: p.id, name: p.name })),
        },
      });
    }),
  );

  server.put(
    '/api/people/:id',
    route(deps.logger, async (req, res) => {
      await authoriseAdmin(deps.authenticate, deps.access, req);
      const texts = adminTextsFor(req);
      const { params, body } = parseRequest(req, { params: personParams, body: personBody });
      const change: PersonChange = {
        ...body,
        version: body.version !== undefined ? body.version : (req.header('if-match') ?? undefined),
      };
      const stored = await currentPlan(deps.read);
      if (!stored) throw new NotFoundError(texts.noPlan);
      const person = await updatePerson(deps.access, stored.plan, params.id, change, texts);
      if (person.version) res.header('etag', person.version);
      res.json(200, { person });
    }),
  );
}
