import type { Person } from '../domain/people/person.js';

/** Storage port for people and their roles. */
export interface PeopleRepository {
  get(aadObjectId: string): Promise<Person | undefined>;
  list(): Promise<Person[]>;
  /** Creates or replaces a person; with `expectedEtag`, fails with ConflictError on a lost race. */
  save(person: Person, expectedEtag?: string): Promise<void>;
}
