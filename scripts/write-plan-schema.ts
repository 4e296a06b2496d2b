// Writes data/plans/plan.schema.json from the zod schema that validation uses, for editors and
// other tools. A test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../bot/domain/plan/plan-json-schema.js';

const out = new URL('../data/plans/plan.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(planJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
