import { ForbiddenError } from '../domain/errors.js';
import { effectiveRoles, type Person, type PersonRole } from '../domain/people/person.js';
import type { PeopleRepository } from './people-repository.js';

/** Who is acting, as established by the Teams activity or the tab's token. */
export interface Principal {
  readonly aadObjectId: string;
  readonly name?: string;
}

export interface Access {
  readonly principal: Principal;
  readonly person: Person | undefined;
  readonly roles: ReadonlySet<PersonRole>;
}

export interface AccessDeps {
  people: PeopleRepository;
  configAdmins: readonly string[];
}

export async function resolveAccess(deps: AccessDeps, principal: Principal): Promise<Access> {
  const person = await deps.people.get(principal.aadObjectId.toLowerCase());
  return { principal, person, roles: effectiveRoles(principal.aadObjectId, person, deps.configAdmins) };
}

/** Throws ForbiddenError (with a Norwegian message) unless the caller has one of the roles. */
export function requireRole(access: Access, roles: readonly PersonRole[], message: string): void {
  if (!roles.some((role) => access.roles.has(role))) throw new ForbiddenError(message);
}
