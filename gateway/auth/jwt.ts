import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from '../config';
import { unauthenticated } from './identity';
import { rememberVerifiedTokens, type Verified, type VerifiedTokenOptions } from './verified-tokens';

type Key = Uint8Array | JWTVerifyGetKey;

function keyFor(config: JwtConfig): { key: Key; algorithms: string[] } {
  if (config.hs256Secret !== undefined) return { key: new TextEncoder().encode(config.hs256Secret), algorithms: ['HS256'] };
  if (config.jwksUrl !== undefined) return { key: createRemoteJWKSet(new URL(config.jwksUrl)), algorithms: ['RS256'] };
  if (config.jwksFile !== undefined)
    return { key: createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, 'utf8'))), algorithms: ['RS256'] };
  throw new Error('JWT config has no key source');
}

/**
 * Verifies a customer bearer token (issuer, audience, expiry, algorithm) and returns the customer; `sub` is the JD pin.
 * A token verified once is remembered until its `exp` (at most a minute: see verified-tokens.ts).
 */
export function createJwtVerifier(config: JwtConfig, options: VerifiedTokenOptions = {}) {
  const { key, algorithms } = keyFor(config);
  const now = options.now ?? Date.now;
  const verify = async (token: string): Promise<Verified> => {
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now()),
      });
      const pin = payload.sub;
      if (typeof pin !== 'string' || pin.length === 0 || pin.length > 128) throw unauthenticated('The bearer token has no usable subject');
      return { identity: { kind: 'customer', pin }, expiresAtMs: (payload.exp as number) * 1000 };
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw unauthenticated('The bearer token has expired');
      if (err instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`The bearer token's "${err.claim}" claim is not accepted`);
      if (err instanceof errors.JOSEError) throw unauthenticated('The bearer token is invalid');
      throw err;
    }
  };
  return rememberVerifiedTokens(verify, { ...options, now });
}

/** Signs a customer token the gateway accepts; only possible with an HS256 secret (RS256 keys live with the identity provider). */
export async function issueCustomerToken(config: JwtConfig, pin: string, ttlSeconds = 12 * 3600): Promise<string> {
  if (config.hs256Secret === undefined)
    throw new Error('Tokens can only be issued with JWT_HS256_SECRET; with a JWKS the identity provider issues them');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(pin)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(config.hs256Secret));
}
