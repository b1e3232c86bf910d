/**
 * The gateway → subgraph identity contract of docs/identity-headers.md, implemented once for the
 * peers bench: the peer gateways' plugin (hive.config.ts) and the direct-subgraph workload both sign
 * here, each passing the subgraph name and the exact body it sends, which the signature covers.
 * Imports only node built-ins: it also runs inside the peer gateways' own module loader.
 */
import { createHash, createHmac } from 'node:crypto';

/** The identities the bench's workloads use (partners are not part of any workload). */
export type PeerIdentity = { kind: 'anonymous' } | { kind: 'customer'; pin: string };

export const ANONYMOUS_IDENTITY: PeerIdentity = Object.freeze({ kind: 'anonymous' });

export interface SignedFetch {
  identity: PeerIdentity;
  /** The subgraph's name in the supergraph (`orders`, `after-sales`, `exchange`, `offices`). */
  subgraph: string;
  /** The request body exactly as sent. */
  body: string;
}

/** The identity JSON with the contract's fields in the contract's order. */
function identityJson(identity: PeerIdentity): string {
  return identity.kind === 'customer' ? JSON.stringify({ kind: 'customer', pin: identity.pin }) : JSON.stringify({ kind: 'anonymous' });
}

/** base64url (no padding) of the identity JSON: the `x-jd-identity` header. */
function identityPayload(identity: PeerIdentity): string {
  return Buffer.from(identityJson(identity), 'utf8').toString('base64url');
}

/**
 * The part of the headers that names the caller and stays the same for every fetch of that caller.
 * A gateway that shares identical in-flight fetches must key them on this (never on the timestamped
 * signature, never without it), so that one caller's answer is never handed to another.
 */
export function identityKeyHeaders(identity: PeerIdentity): Record<string, string> {
  return { 'x-jd-identity': identityPayload(identity) };
}

/**
 * The signed identity headers for one subgraph fetch: base64url identity JSON, epoch-ms timestamp,
 * hex HMAC-SHA256 of `ts "." subgraph "." sha256hex(body) "." payload`.
 */
export function signedIdentityHeaders(secret: string, fetch: SignedFetch, nowMs: number = Date.now()): Record<string, string> {
  const payload = identityPayload(fetch.identity);
  const ts = String(nowMs);
  const digest = createHash('sha256').update(fetch.body).digest('hex');
  const sig = createHmac('sha256', secret).update(`${ts}.${fetch.subgraph}.${digest}.${payload}`).digest('hex');
  return { 'x-jd-identity': payload, 'x-jd-identity-ts': ts, 'x-jd-identity-sig': sig };
}
