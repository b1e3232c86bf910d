import { SignJWT } from 'jose';
import type { JwtConfig } from '../config';

/** Signs a customer token the gateway accepts; only possible with an HS256 secret (RS256 keys live with the identity provider). */
export async function issueCustomerToken(config: JwtConfig, pin: string, ttlSeconds = 12 * 3600): Promise<string> {
  if (config.hs256Secret === undefined) throw new Error('Tokens can only be issued with JWT_HS256_SECRET; with a JWKS the identity provider issues them');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(pin)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(config.hs256Secret));
}
