import { timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '../errors/coded-errors';
import {
  DEFAULT_SIGNATURE_MAX_AGE_MS,
  IDENTITY_HEADER,
  IDENTITY_SIG_HEADER,
  IDENTITY_TS_HEADER,
  toIdentity,
  type Identity,
} from './identity';
import { identitySignature } from './sign-identity';

type Headers = Record<string, string | string[] | undefined>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const DECIMAL = /^\d{1,16}$/;

// A header sent twice arrives as an array (or comma-joined); either way it is not a valid identity.
function single(headers: Headers, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks the gateway's signed identity headers and returns the identity they carry.
 * Throws AuthenticationError (UNAUTHENTICATED) for a missing, malformed, forged or stale signature.
 */
export function verifyIdentity(headers: Headers, secret: string, opts: { maxAgeMs?: number; now?: number } = {}): Identity {
  const encoded = single(headers, IDENTITY_HEADER);
  const ts = single(headers, IDENTITY_TS_HEADER);
  const sig = single(headers, IDENTITY_SIG_HEADER);
  if (!encoded || !ts || !sig) throw new AuthenticationError('Missing signed identity');
  if (!BASE64URL.test(encoded) || !DECIMAL.test(ts) || !HEX_SHA256.test(sig)) {
    throw new AuthenticationError('Malformed signed identity');
  }

  const expected = Buffer.from(identitySignature(secret, ts, encoded), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) throw new AuthenticationError('Invalid identity signature');

  const now = opts.now ?? Date.now();
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_SIGNATURE_MAX_AGE_MS;
  if (Math.abs(now - Number(ts)) > maxAgeMs) throw new AuthenticationError('Identity signature outside the replay window');

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
