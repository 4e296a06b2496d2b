import { BadRequestError, ConflictError, NotFoundError } from '../../domain/errors.js';
import { effectiveRoles, ROLES, type Person, type PersonRole } from '../../domain/people/person.js';
import type { PlanFile } from '../../domain/plan/plan-schema.js';
import type { AccessDeps } from '../access.js';
import type { InstallationRegistry } from '../installation-registry.js';
import { personName } from '../broadcasts/recipient-names.js';

/** A person as the administration shows them, with the version a save must name. */
export interface PersonView {
  readonly id: string;
  /** As stored, else as Teams gave it in the person's chat with Planpuls; null when unknown. */
  readonly name: string | null;
  /** Stored roles; `effectiveRoles` adds admin for the admins named in config. */
  readonly roles: readonly PersonRole[];
  readonly effectiveRoles: readonly PersonRole[];
  /** Named in the app's settings at installation: an admin whatever is stored. */
  readonly configAdmin: boolean;
  readonly leads: readonly string[];
  readonly networks: readonly string[];
  readonly coordinates: readonly string[];
  /** The stored version (ETag); null for a config admin who is not stored yet. */
  readonly version: string | null;
}

/** What an admin may change about a person. */
export interface PersonChange {
  readonly version: string | null;
  readonly roles: readonly string[];
  readonly leads: readonly string[];
  readonly networks: readonly string[];
  readonly coordinates: readonly string[];
}

export interface PeopleTexts {
  personNotFound(id: string): string;
  stalePerson(name: string): string;
  unknownRole(role: string): string;
  unknownUnit(unit: string): string;
  unknownProgramme(id: string): string;
  notSaved(problems: string[]): string;
}

/**
 * The stored people and the config admins, sorted by name; a person stored without a name is
 * named as Teams gave it in their personal chat with Planpuls (the installation registry).
 */
export async function listPeople(
  deps: AccessDeps & { registry: InstallationRegistry },
): Promise<PersonView[]> {
  const stored = await deps.people.listVersioned();
  const views = stored.map(({ person, version }) => view(deps, person, version));
  const known = new Set(views.map((v) => v.id));
  for (const id of deps.configAdmins) {
    if (!known.has(id)) views.push(view(deps, { ...blank(id), roles: [] }, null));
  }
  const named = await Promise.all(
    views.map(async (v) => (v.name ? v : { ...v, name: (await personName(deps, v.id)) ?? null })),
  );
  // The unnamed last, in a stable order.
  return named.sort(
    (a, b) =>
      Number(a.name === null) - Number(b.name === null) ||
      (a.name ?? a.id).localeCompare(b.name ?? b.id, 'nb'),
  );
}

/**
 * Changes a person's roles, units and networks, checked against the app's roles and the plan's
 * units and programmes. Saved only if nobody changed the person since `change.version` was read.
 */
export async function updatePerson(
  deps: AccessDeps,
  plan: PlanFile,
  id: string,
  change: PersonChange,
  texts: PeopleTexts,
): Promise<PersonView> {
  const key = id.toLowerCase();
  const stored = (await deps.people.listVersioned()).find((p) => p.person.aadObjectId === key);
  if (!stored && !deps.configAdmins.includes(key)) throw new NotFoundError(texts.personNotFound(id));
  const current = stored?.person ?? blank(key);
  if ((stored?.version ?? null) !== change.version) {
    throw new ConflictError(texts.stalePerson(current.name ?? key));
  }
  const problems = [
    ...unknown(change.roles, ROLES, texts.unknownRole),
    ...unknown(
      change.leads,
      plan.units.map((u) => u.id),
      texts.unknownUnit,
    ),
    ...unknown(
      [...change.networks, ...change.coordinates],
      plan.programmes.map((p) => p.id),
      texts.unknownProgramme,
    ),
  ];
  if (problems.length > 0) throw new BadRequestError(texts.notSaved([...new Set(problems)]));
  const person: Person = {
    ...current,
    roles: unique(change.roles) as PersonRole[],
    leads: unique(change.leads),
    networks: unique(change.networks),
    coordinates: unique(change.coordinates),
  };
  const version = await deps.people.saveVersioned(person, change.version).catch((error: unknown) => {
    throw error instanceof ConflictError
      ? new ConflictError(texts.stalePerson(current.name ?? key), { cause: error })
      : error;
  });
  return view(deps, person, version);
}

function view(deps: AccessDeps, person: Person, version: string | null): PersonView {
  const configAdmin = deps.configAdmins.includes(person.aadObjectId);
  return {
    id: person.aadObjectId,
    name: person.name ?? null,
    roles: person.roles,
    effectiveRoles: [
      ...effectiveRoles(person.aadObjectId, version === null ? undefined : person, deps.configAdmins),
    ],
    configAdmin,
    leads: person.leads,
    networks: person.networks,
    coordinates: person.coordinates,
    version,
  };
}

function blank(id: string): Person {
  return { aadObjectId: id, name: undefined, roles: [], leads: [], networks: [], coordinates: [] };
}

function unknown(
  values: readonly string[],
  known: readonly string[],
  say: (value: string) => string,
): string[] {
  return values.filter((v) => !known.includes(v)).map(say);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
