import type { Server } from 'restify';
import { BadRequestError, NotFoundError } from '../../domain/errors.js';
import { ROLES } from '../../domain/people/person.js';
import type { Logger } from '../../log/logger.js';
import type { AccessDeps } from '../../use-cases/access.js';
import type { InstallationRegistry } from '../../use-cases/installation-registry.js';
import { listPeople, updatePerson, type PersonChange } from '../../use-cases/admin/manage-people.js';
import { currentPlan, type ReadPlanDeps } from '../../use-cases/read-plan.js';
import type { Authenticator } from '../auth/authenticator.js';
import { adminTextsFor, authoriseAdmin } from '../auth/authorise-admin.js';
import { route } from '../respond.js';

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
      const change = personChange(req.body, req.header('if-match'));
      if (!change) throw new BadRequestError(texts.badPerson);
      const stored = await currentPlan(deps.read);
      if (!stored) throw new NotFoundError(texts.noPlan);
      const id = String((req.params as Record<string, string>).id);
      const person = await updatePerson(deps.access, stored.plan, id, change, texts);
      if (person.version) res.header('etag', person.version);
      res.json(200, { person });
    }),
  );
}

/** The body's change; the version may come as `If-Match` instead. Undefined when malformed. */
function personChange(body: unknown, ifMatch: string | undefined): PersonChange | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const lists = ['roles', 'leads', 'networks', 'coordinates'] as const;
  if (!lists.every((k) => Array.isArray(b[k]) && (b[k] as unknown[]).every((v) => typeof v === 'string'))) {
    return undefined;
  }
  const version = 'version' in b ? b.version : (ifMatch ?? undefined);
  if (version !== null && typeof version !== 'string') return undefined;
  return {
    version,
    roles: b.roles as string[],
    leads: b.leads as string[],
    networks: b.networks as string[],
    coordinates: b.coordinates as string[],
  };
}
