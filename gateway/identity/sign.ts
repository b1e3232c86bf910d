import { createHash, createHmac } from 'node:crypto';
import type { Identity } from '../auth';

/** Header names from docs/identity-headers.md. */
export const IDENTITY_HEADER = 'x-jd-identity';
const IDENTITY_TS_HEADER = 'x-jd-identity-ts';
const IDENTITY_SIG_HEADER = 'x-jd-identity-sig';
export const IDENTITY_HEADERS = [IDENTITY_HEADER, IDENTITY_TS_HEADER, IDENTITY_SIG_HEADER] as const;

/** What a signature binds besides the caller: the subgraph it goes to and the exact body sent. */
export interface SignedFetch {
  /** The subgraph's name in the supergraph. */
  subgraph: string;
  /** The request body exactly as sent (a string is taken as UTF-8). */
  body: string | Uint8Array;
}

/** Only the contract's fields, in a fixed order, whatever else the object carries. */
function canonical(identity: Identity): Identity {
  switch (identity.kind) {
    case 'customer':
      return { kind: 'customer', pin: identity.pin };
    case 'partner':
      return { kind: 'partner', partnerId: identity.partnerId, scopes: [...identity.scopes] };
    default:
      return { kind: 'anonymous' };
  }
}

/** The identity as the contract serialises it: the same JSON for the same caller, whatever else the object carries. */
export function identityJson(identity: Identity): string {
  return JSON.stringify(canonical(identity));
}

/** The `x-jd-identity` header: base64url (no padding) of the identity JSON. */
export function identityPayload(identity: Identity): string {
  return Buffer.from(identityJson(identity), 'utf8').toString('base64url');
}

/**
 * The `x-jd-identity-ts` and `x-jd-identity-sig` headers for an already encoded identity:
 * hex HMAC-SHA256 of `ts "." subgraph "." sha256hex(body) "." payload`. Binding the subgraph and the
 * body means a captured signature is worth nothing with another query or at another subgraph.
 */
export function signPayload(payload: string, secret: string, fetch: SignedFetch, nowMs: number = Date.now()): Record<string, string> {
  const ts = String(nowMs);
  const digest = createHash('sha256').update(fetch.body).digest('hex');
  const sig = createHmac('sha256', secret).update(`${ts}.${fetch.subgraph}.${digest}.${payload}`).digest('hex');
  return { [IDENTITY_TS_HEADER]: ts, [IDENTITY_SIG_HEADER]: sig };
}

/** The three signed identity headers for one fetch of `identity` to `fetch.subgraph` with `fetch.body`. */
export function signIdentity(identity: Identity, secret: string, fetch: SignedFetch, nowMs: number = Date.now()): Record<string, string> {
  const payload = identityPayload(identity);
  return { [IDENTITY_HEADER]: payload, ...signPayload(payload, secret, fetch, nowMs) };
}
