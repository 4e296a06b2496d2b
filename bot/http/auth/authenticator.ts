import type { Request } from 'restify';
import { UnauthorizedError } from '../../domain/errors.js';
import type { Principal } from '../../use-cases/access.js';

/** Establishes who sent an HTTP request; undefined when no identity came with it. */
export type Authenticator = (req: Request) => Promise<Principal | undefined>;

/** The local-mode header that lets a developer act as a demo user (loopback only, never production). */
export const DEV_USER_HEADER = 'x-planpuls-dev-user';

/**
 * Local mode only: trusts the `x-planpuls-dev-user` header (an Entra object id). The app wires
 * this in only when it runs without credentials, which also pins it to loopback.
 */
export function devAuthenticator(): Authenticator {
  return async (req) => {
    const id = req.header(DEV_USER_HEADER);
    return id ? { aadObjectId: id.trim().toLowerCase(), name: 'Lokal bruker' } : undefined;
  };
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
