import { z } from 'zod';
import { PLAN_FORMAT_VERSION, PlanFile } from './plan-schema.js';

/** The plan file format as JSON Schema, generated from the zod schema validation uses. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PlanFile, { io: 'input', unrepresentable: 'any' }),
    $id: `https://planpuls.invalid/schemas/plan-v${PLAN_FORMAT_VERSION}.json`,
    title: `Planpuls plan file, format version ${PLAN_FORMAT_VERSION}`,
  };
}
