import type { GatewayConfig } from '../config';
import { ANONYMOUS, unauthenticated, type Identity } from './identity';
import { createJwtVerifier } from './jwt';
import type { VerifiedTokenOptions } from './verified-tokens';
import { createApiKeyVerifier } from './partner-keys';

export type Authenticate = (headers: { authorization?: string; apiKey?: string }) => Promise<Identity>;

/** Customer JWT, partner API key, or anonymous when neither is sent. A bad credential is an error, never anonymous. */
export function createAuthenticator(config: Pick<GatewayConfig, 'jwt' | 'partnerKeys'>, tokens?: VerifiedTokenOptions): Authenticate {
  const verifyJwt = createJwtVerifier(config.jwt, tokens);
  const verifyApiKey = createApiKeyVerifier(config.partnerKeys);
  return async ({ authorization, apiKey }) => {
    if (authorization !== undefined && apiKey !== undefined) throw unauthenticated('Send either a bearer token or an x-api-key, not both');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
      return verifyJwt(match[1]);
    }
    if (apiKey !== undefined) return verifyApiKey(apiKey.trim());
    return ANONYMOUS;
  };
}
