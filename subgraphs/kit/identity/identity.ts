/** Who the gateway says is calling (docs/identity-headers.md). */
export type Identity = { kind: 'anonymous' } | { kind: 'customer'; pin: string } | { kind: 'partner'; partnerId: string; scopes: string[] };

/** The three signed headers, lower-case as Node delivers them. */
export const IDENTITY_HEADER = 'x-jd-identity';
export const IDENTITY_TS_HEADER = 'x-jd-identity-ts';
export const IDENTITY_SIG_HEADER = 'x-jd-identity-sig';

/** Default replay window: five minutes either side of now. */
export const DEFAULT_SIGNATURE_MAX_AGE_MS = 300_000;

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Narrows parsed JSON to an Identity, keeping only the known fields; null for anything else. */
export function toIdentity(value: unknown): Identity | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  switch (v.kind) {
    case 'anonymous':
      return { kind: 'anonymous' };
    case 'customer':
      return isNonEmptyString(v.pin) ? { kind: 'customer', pin: v.pin } : null;
    case 'partner':
      return isNonEmptyString(v.partnerId) && Array.isArray(v.scopes) && v.scopes.every((s) => typeof s === 'string')
        ? { kind: 'partner', partnerId: v.partnerId, scopes: [...(v.scopes as string[])] }
        : null;
    default:
      return null;
  }
}
