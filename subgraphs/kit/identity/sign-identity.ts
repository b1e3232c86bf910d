import { createHmac } from 'node:crypto';
import { IDENTITY_HEADER, IDENTITY_SIG_HEADER, IDENTITY_TS_HEADER, toIdentity, type Identity } from './identity';

/** Lower-case hex HMAC-SHA256(secret, ts + "." + encodedIdentity). */
export function identitySignature(secret: string, ts: string, encodedIdentity: string): string {
  return createHmac('sha256', secret).update(`${ts}.${encodedIdentity}`).digest('hex');
}

/** The three signed identity headers for `identity`, signed at `now` (epoch ms). */
export function signIdentity(identity: Identity, secret: string, now: number = Date.now()): Record<string, string> {
  // Only the contract's fields, in a fixed order, so equal identities sign to equal bytes.
  const canonical = toIdentity(identity);
  if (!canonical) throw new Error(`cannot sign an invalid identity: ${JSON.stringify(identity)}`);
  const encoded = Buffer.from(JSON.stringify(canonical), 'utf8').toString('base64url');
  const ts = String(Math.trunc(now));
  return {
    [IDENTITY_HEADER]: encoded,
    [IDENTITY_TS_HEADER]: ts,
    [IDENTITY_SIG_HEADER]: identitySignature(secret, ts, encoded),
  };
}
