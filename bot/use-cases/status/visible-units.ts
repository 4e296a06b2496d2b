import { ForbiddenError } from '../../domain/errors.js';
import type { PlanFile, Unit } from '../../domain/plan/plan-schema.js';
import { problem } from '../../domain/problems.js';
import type { Access } from '../access.js';

/**
 * The units whose status a caller may see: every unit for the kommunalsjef (admin); for a
 * coordinator the units of the programmes and networks she coordinates (a programme includes its
 * networks); for a unit leader her own units. Anyone else is refused.
 */
export function visibleUnits(access: Access, plan: PlanFile): Unit[] {
  if (access.roles.has('admin')) return [...plan.units];
  const leads = new Set(access.person?.leads ?? []);
  const coordinated = new Set(access.roles.has('koordinator') ? (access.person?.coordinates ?? []) : []);
  for (const p of plan.programmes) if (p.parent && coordinated.has(p.parent)) coordinated.add(p.id);
  if (leads.size === 0 && !access.roles.has('koordinator'))
    throw new ForbiddenError('STATUS_FORBIDDEN', { reasons: [problem('STATUS_FORBIDDEN', {})] });
  return plan.units.filter((u) => leads.has(u.id) || u.programmes.some((p) => coordinated.has(p)));
}
