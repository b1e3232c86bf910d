import { timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '../errors/coded-errors';
import {
  DEFAULT_SIGNATURE_CLOCK_SKEW_MS,
  DEFAULT_SIGNATURE_MAX_AGE_MS,
  IDENTITY_HEADER,
  IDENTITY_SIG_HEADER,
  IDENTITY_TS_HEADER,
  toIdentity,
  type Identity,
} from './identity';
import { bodyDigest, identitySignature, type SignedRequest } from './sign-identity';

type Headers = Record<string, string | string[] | undefined>;

/** The time window a signature must fall in. */
export interface SignatureWindow {
  /** How old a signature may be (default 30 s). */
  maxAgeMs?: number;
  /** How far in the future a signature's time may be (default 2 s). */
  clockSkewMs?: number;
  /** The current time, epoch ms (tests). */
  now?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const DECIMAL = /^\d{1,16}$/;

// A header sent twice arrives as an array (or comma-joined); either way it is not a valid identity.
function single(headers: Headers, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

interface SignedHeaders {
  encoded: string;
  ts: string;
  sig: string;
}

/**
 * The checks that need no body: the three headers are there, well formed, and the time is inside the
 * window. The subgraph runs them before it reads a body, so an unsigned or stale request is refused
 * without parsing up to a megabyte of JSON.
 */
export function checkIdentityHeaders(headers: Headers, window: SignatureWindow = {}): SignedHeaders {
  const encoded = single(headers, IDENTITY_HEADER);
  const ts = single(headers, IDENTITY_TS_HEADER);
  const sig = single(headers, IDENTITY_SIG_HEADER);
  if (!encoded || !ts || !sig) throw new AuthenticationError('Missing signed identity');
  if (!BASE64URL.test(encoded) || !DECIMAL.test(ts) || !HEX_SHA256.test(sig)) {
    throw new AuthenticationError('Malformed signed identity');
  }
  const age = (window.now ?? Date.now()) - Number(ts);
  if (age > (window.maxAgeMs ?? DEFAULT_SIGNATURE_MAX_AGE_MS)) throw new AuthenticationError('Identity signature has expired');
  if (-age > (window.clockSkewMs ?? DEFAULT_SIGNATURE_CLOCK_SKEW_MS))
    throw new AuthenticationError('Identity signature is from the future');
  return { encoded, ts, sig };
}

/**
 * Checks the gateway's signed identity headers for this request (this subgraph, this exact body) and
 * returns the identity they carry. Throws AuthenticationError (UNAUTHENTICATED) for a missing,
 * malformed, forged, stale or future signature, and for one made for another subgraph or another body.
 */
export function verifyIdentity(headers: Headers, secret: string, request: SignedRequest, window: SignatureWindow = {}): Identity {
  const { encoded, ts, sig } = checkIdentityHeaders(headers, window);
  const expected = Buffer.from(identitySignature(secret, ts, request.subgraph, bodyDigest(request.body), encoded), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) throw new AuthenticationError('Invalid identity signature');

  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new AuthenticationError('Malformed signed identity');
  }
  const identity = toIdentity(parsed);
  if (!identity) throw new AuthenticationError('Unknown identity kind');
  return identity;
}
