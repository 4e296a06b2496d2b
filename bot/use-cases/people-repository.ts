import type { Person } from '../domain/people/person.js';

/** Storage port for people and their roles. */
export interface PeopleRepository {
  get(aadObjectId: string): Promise<Person | undefined>;
  list(): Promise<Person[]>;
  /** The people who lead at least one unit, without reading everyone else (the units' status). */
  leaders(): Promise<Person[]>;
  /** Creates or replaces a person; with `expectedEtag`, fails with ConflictError on a lost race. */
  save(person: Person, expectedEtag?: string): Promise<void>;
  /** Every stored person with the version (ETag) a later `saveVersioned` must name. */
  listVersioned(): Promise<VersionedPerson[]>;
  /**
   * Saves a person only if the stored version is still `version` (`null`: only if none is stored
   * yet); a lost race is a ConflictError. Returns the new version.
   */
  saveVersioned(person: Person, version: string | null): Promise<string>;
}

export interface VersionedPerson {
  readonly person: Person;
  readonly version: string;
}
