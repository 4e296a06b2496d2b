import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BadRequestError } from '../errors.js';
import { ROLES, type Person } from './person.js';

const DemoPerson = z.strictObject({
  aadObjectId: z.string().regex(/^[0-9a-f-]{36}$/i),
  name: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  leads: z.array(z.string()).default([]),
  networks: z.array(z.string()).default([]),
  coordinates: z.array(z.string()).default([]),
});
const DemoPeople = z.strictObject({ people: z.array(DemoPerson) });

/** Parses the demo people file (data/demo/people.yaml): the Playground's users with their roles. */
export function parseDemoPeople(source: string): Person[] {
  const parsed = DemoPeople.safeParse(parseYaml(source));
  if (!parsed.success)
    throw new BadRequestError(
      `Demo-personene kan ikke leses: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data.people.map((p) => ({ ...p, aadObjectId: p.aadObjectId.toLowerCase() }));
}
