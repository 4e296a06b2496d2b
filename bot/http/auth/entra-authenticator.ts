import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { EntraSettings } from '../../config/config.js';
import { AuthUnavailableError } from '../../domain/errors.js';
import type { Logger } from '../../log/logger.js';
import type { Authenticator } from './authenticator.js';
import { tabTokenRefusal } from './tab-token-rules.js';

/** Entra ID signs access tokens with RS256 only; refusing others blocks `alg` confusion. */
const ALGORITHMS = ['RS256'];
/** Clock skew we forgive between Entra ID and this server. */
const CLOCK_TOLERANCE_S = 60;

/**
 * Accepts `Authorization: Bearer <token>` when the token is an Entra ID access token for the tab:
 * signed by a key in the tenant's JWKS, from the tenant's issuer, for our audience, not expired,
 * and a person's delegated token for the tab's scope in our tenant (`tab-token-rules.ts`).
 * Anything else is nobody (undefined), so routes answer 401. A JWKS that cannot be fetched is an
 * outage, not a bad token: it throws `AuthUnavailableError` (503 with Retry-After).
 */
export function entraAuthenticator(settings: EntraSettings, logger: Logger): Authenticator {
  const keys = keyLookup(createRemoteJWKSet(new URL(settings.jwksUrl)), settings.jwksUrl);
  return async (req) => {
    const header = req.header('authorization');
    const token = /^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim();
    if (!token) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: [...settings.issuers],
        audience: [...settings.audiences],
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'oid'],
      }));
    } catch (error) {
      if (!isTokenRejection(error)) throw error;
      // The reason code is enough to diagnose; the token and its claims stay out of the logs.
      logger.info('tab token rejected', { reason: error.code });
      return undefined;
    }
    const refusal = tabTokenRefusal(payload, settings);
    if (refusal) {
      logger.info('tab token rejected', { reason: refusal });
      return undefined;
    }
    const oid = String(payload.oid).toLowerCase();
    const name = typeof payload.name === 'string' ? payload.name : undefined;
    return name ? { aadObjectId: oid, name } : { aadObjectId: oid };
  };
}

/**
 * The remote key set, with its failures sorted: no key (or several) for the token's `kid` is the
 * token's fault; anything else it throws (a fetch that failed or timed out, a non-200 answer, a
 * body that is no key set) means the keys could not be had, so nobody can be checked right now.
 */
function keyLookup(remote: JWTVerifyGetKey, jwksUrl: string): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported ||
        error instanceof errors.JOSEAlgNotAllowed
      )
        throw error;
      throw new AuthUnavailableError(`Entra ID-nøklene kunne ikke hentes fra ${jwksUrl}`, { cause: error });
    }
  };
}

function isTokenRejection(error: unknown): error is errors.JOSEError {
  return (
    error instanceof errors.JWTExpired ||
    error instanceof errors.JWTClaimValidationFailed ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  );
}
