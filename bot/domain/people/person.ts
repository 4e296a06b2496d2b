/** Roles in Planpuls. Admin is the kommunalsjef; koordinator a rådgiver in pedagogisk stab. */
export const ROLES = ['admin', 'koordinator', 'enhetsleder', 'medlem'] as const;
export type PersonRole = (typeof ROLES)[number];

/** A person, known by their Entra (AAD) object id; names and addresses come from Teams. */
export interface Person {
  readonly aadObjectId: string;
  readonly name: string | undefined;
  readonly roles: readonly PersonRole[];
  /** Units this person leads (rektor, styrer, enhetsleder). */
  readonly leads: readonly string[];
  /** Programmes and networks this person belongs to. */
  readonly networks: readonly string[];
  /** Networks this person coordinates (for a koordinator). */
  readonly coordinates: readonly string[];
}

export function newPerson(aadObjectId: string, name?: string): Person {
  return {
    aadObjectId: aadObjectId.toLowerCase(),
    name,
    roles: ['medlem'],
    leads: [],
    networks: [],
    coordinates: [],
  };
}

/** The roles a person has, with the admins named in config always admins. */
export function effectiveRoles(
  aadObjectId: string,
  person: Person | undefined,
  configAdmins: readonly string[],
): ReadonlySet<PersonRole> {
  const roles = new Set<PersonRole>(person?.roles ?? ['medlem']);
  if (configAdmins.includes(aadObjectId.toLowerCase())) roles.add('admin');
  return roles;
}

/** Linking channels to networks and units is for admins and coordinators. */
export function mayLink(roles: ReadonlySet<PersonRole>): boolean {
  return roles.has('admin') || roles.has('koordinator');
}
