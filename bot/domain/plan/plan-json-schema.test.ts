import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from './plan-json-schema.js';

describe('plan.schema.json', () => {
  it('is the JSON Schema generated from the validation schema (run `npm run schema` after a change)', () => {
    const committed: unknown = JSON.parse(readFileSync('data/plans/plan.schema.json', 'utf8'));
    expect(committed).toEqual(planJsonSchema());
  });
});
