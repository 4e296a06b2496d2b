import type { Principal } from '../access.js';
import { requireRole, resolveAccess, type Access, type AccessDeps } from '../access.js';

/** Resolves the caller and throws ForbiddenError unless they are an admin. */
export async function requireAdmin(deps: AccessDeps, principal: Principal, refused: string): Promise<Access> {
  const access = await resolveAccess(deps, principal);
  requireRole(access, ['admin'], refused);
  return access;
}
