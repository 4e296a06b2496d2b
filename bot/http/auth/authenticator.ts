import type { Request } from 'restify';
import { UnauthorizedError } from '../../domain/errors.js';
import type { Principal } from '../../use-cases/access.js';

/** Establishes who sent an HTTP request; undefined when no identity came with it. */
export type Authenticator = (req: Request) => Promise<Principal | undefined>;

/** The local-mode header that lets a developer act as a demo user (loopback only, never production). */
export const DEV_USER_HEADER = 'x-planpuls-dev-user';

/**
 * Local mode only: trusts the `x-planpuls-dev-user` header (an Entra object id, or a demo id's
 * short form, see {@link demoUserId}). The app wires this in only when it runs without
 * credentials, which also pins it to loopback; with credentials the header means nothing.
 */
export function devAuthenticator(): Authenticator {
  return async (req) => {
    const id = req.header(DEV_USER_HEADER)?.trim();
    return id ? { aadObjectId: demoUserId(id), name: 'Lokal bruker' } : undefined;
  };
}

/**
 * The demo people's ids are zeros but for their last hex digits (…-0000000000a3), so a tester's
 * `?devUser=a3` means Rita Rektor: up to 12 hex digits are padded into the last group of a zero
 * id. A full id (or anything else) is taken as it is, lower case.
 */
export function demoUserId(id: string): string {
  const lower = id.trim().toLowerCase();
  return /^[0-9a-f]{1,12}$/.test(lower) ? `00000000-0000-0000-0000-${lower.padStart(12, '0')}` : lower;
}

/** The first authenticator that recognises the request wins. */
export function anyOf(...authenticators: Authenticator[]): Authenticator {
  return async (req) => {
    for (const authenticate of authenticators) {
      const principal = await authenticate(req);
      if (principal) return principal;
    }
    return undefined;
  };
}

export async function requirePrincipal(
  authenticate: Authenticator,
  req: Request,
  message: string,
): Promise<Principal> {
  const principal = await authenticate(req);
  if (!principal) throw new UnauthorizedError(message);
  return principal;
}
