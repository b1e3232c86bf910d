import { createHash, createHmac } from 'node:crypto';
import { IDENTITY_HEADER, IDENTITY_SIG_HEADER, IDENTITY_TS_HEADER, toIdentity, type Identity } from './identity';

/** What one signature is bound to besides the caller: the subgraph it is sent to and the exact body. */
export interface SignedRequest {
  /** The target subgraph's name in the supergraph (`orders`, `after-sales`, `exchange`, `offices`). */
  subgraph: string;
  /** The request body exactly as sent (its bytes are digested). */
  body: string | Uint8Array;
}

/** Lower-case hex SHA-256 of the body bytes (a string is taken as UTF-8). */
export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Lower-case hex HMAC-SHA256(secret, ts "." subgraph "." bodySha256 "." encodedIdentity) (docs/identity-headers.md). */
export function identitySignature(secret: string, ts: string, subgraph: string, bodySha256: string, encodedIdentity: string): string {
  return createHmac('sha256', secret).update(`${ts}.${subgraph}.${bodySha256}.${encodedIdentity}`).digest('hex');
}

/** The three signed identity headers for `identity` sending `request`, signed at `now` (epoch ms). */
export function signIdentity(identity: Identity, secret: string, request: SignedRequest, now: number = Date.now()): Record<string, string> {
  // Only the contract's fields, in a fixed order, so equal identities sign to equal bytes.
  const canonical = toIdentity(identity);
  if (!canonical) throw new Error(`cannot sign an invalid identity: ${JSON.stringify(identity)}`);
  const encoded = Buffer.from(JSON.stringify(canonical), 'utf8').toString('base64url');
  const ts = String(Math.trunc(now));
  return {
    [IDENTITY_HEADER]: encoded,
    [IDENTITY_TS_HEADER]: ts,
    [IDENTITY_SIG_HEADER]: identitySignature(secret, ts, request.subgraph, bodyDigest(request.body), encoded),
  };
}
