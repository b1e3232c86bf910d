/** Who the gateway says is calling (docs/identity-headers.md). */
export type Identity = { kind: 'anonymous' } | { kind: 'customer'; pin: string } | { kind: 'partner'; partnerId: string; scopes: string[] };

/** The three signed headers, lower-case as Node delivers them. */
export const IDENTITY_HEADER = 'x-jd-identity';
export const IDENTITY_TS_HEADER = 'x-jd-identity-ts';
export const IDENTITY_SIG_HEADER = 'x-jd-identity-sig';

/**
 * How old a signature may be when it arrives (the past window). A gateway signs each fetch just before
 * sending it, so the age is transit time plus clock difference; 30 s leaves room for a slow network and
 * keeps a captured signature short-lived. 60 s is the most a deployment may set.
 */
export const DEFAULT_SIGNATURE_MAX_AGE_MS = 30_000;
export const MAX_SIGNATURE_MAX_AGE_MS = 60_000;
/** How far ahead of the subgraph's clock a signature's time may be (the gateway's clock may run a little fast). */
export const DEFAULT_SIGNATURE_CLOCK_SKEW_MS = 2_000;
export const MAX_SIGNATURE_CLOCK_SKEW_MS = 10_000;

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
