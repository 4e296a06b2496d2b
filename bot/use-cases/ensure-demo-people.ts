import { parseDemoPeople } from '../domain/people/demo-people.js';
import type { Logger } from '../log/logger.js';
import type { PeopleRepository } from './people-repository.js';

export interface EnsureDemoPeopleDeps {
  people: PeopleRepository;
  logger: Logger;
  readDemoPeople: () => Promise<string>;
}

/**
 * Local mode: stores the demo people (the Agents Playground's users with their roles) that are not
 * stored yet, so a newcomer can act as a unit leader or coordinator. Stored people are never changed.
 */
export async function ensureDemoPeople(deps: EnsureDemoPeopleDeps): Promise<number> {
  const stored = new Set((await deps.people.list()).map((p) => p.aadObjectId));
  const missing = parseDemoPeople(await deps.readDemoPeople()).filter((p) => !stored.has(p.aadObjectId));
  for (const person of missing) await deps.people.save(person);
  if (missing.length > 0) deps.logger.info('stored the demo people', { count: missing.length });
  return missing.length;
}
