import { LruMap } from '../../shared-state';
import type { Identity } from './identity';

/** What a full verification found: the caller, and until when (ms since the epoch) the token is valid. */
export interface Verified {
  identity: Identity;
  expiresAtMs: number;
}

export interface VerifiedTokenOptions {
  /** Tokens remembered (least recently used go first). Default 10,000: a few MB of token strings. */
  maxEntries?: number;
  /**
   * The longest a verification is trusted without checking the signature again. Default 60 s: a key
   * taken out of a JWKS, or a changed issuer setting, stops a token within a minute, not at its `exp`.
   */
  maxTrustMs?: number;
  now?: () => number;
}

/**
 * Remembers successful verifications of a bearer token, so a customer's repeated requests cost one map
 * lookup instead of a signature check: verifying the HS256 signature through jose (WebCrypto: a key
 * import and an async job per call) was ~18% of the gateway's CPU under the dashboard load.
 * A remembered token is trusted until its own `exp` or `maxTrustMs` after it was checked, whichever
 * comes first, so an expired token is refused exactly as before. Failures are never remembered: a bad
 * token is checked (and refused) every time.
 */
export function rememberVerifiedTokens(
  verify: (token: string) => Promise<Verified>,
  options: VerifiedTokenOptions = {},
): (token: string) => Promise<Identity> {
  const maxTrustMs = options.maxTrustMs ?? 60_000;
  const now = options.now ?? Date.now;
  const remembered = new LruMap<string, { identity: Identity; untilMs: number }>(options.maxEntries ?? 10_000);
  return async (token) => {
    const hit = remembered.get(token);
    if (hit !== undefined) {
      if (now() < hit.untilMs) return hit.identity;
      remembered.delete(token);
    }
    const checkedAt = now();
    const { identity, expiresAtMs } = await verify(token);
    // Frozen: the same object answers every later request with this token.
    const frozen = Object.freeze({ ...identity }) as Identity;
    remembered.set(token, { identity: frozen, untilMs: Math.min(expiresAtMs, checkedAt + maxTrustMs) });
    return frozen;
  };
}
