import type { JWTPayload } from 'jose';

/** Why a correctly signed token still does not name a person of our tenant using the tab. */
export type TabTokenRefusal = 'app-token' | 'missing-scope' | 'other-tenant' | 'no-user';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claims a tab token must carry beyond signature, issuer, audience and lifetime. Entra ID
 * gives any app in the tenant an app-only token for our API (`roles`, `idtyp: app`, no `scp`),
 * and a multi-tenant issuer setting would let another tenant's users in: so the token must be
 * delegated (a person signed in and consented to the tab's scope), for our tenant, and name the
 * person by object id. Undefined when it does.
 */
export function tabTokenRefusal(
  payload: JWTPayload,
  expected: { tenantId: string; scope: string },
): TabTokenRefusal | undefined {
  if (payload.idtyp === 'app') return 'app-token';
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(expected.scope)) return 'missing-scope';
  if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== expected.tenantId.toLowerCase())
    return 'other-tenant';
  if (typeof payload.oid !== 'string' || !GUID.test(payload.oid)) return 'no-user';
  return undefined;
}
