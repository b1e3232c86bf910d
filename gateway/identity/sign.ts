import { createHmac } from 'node:crypto';
import type { Identity } from '../auth';

/** Header names from docs/identity-headers.md. */
const IDENTITY_HEADER = 'x-jd-identity';
const IDENTITY_TS_HEADER = 'x-jd-identity-ts';
const IDENTITY_SIG_HEADER = 'x-jd-identity-sig';
export const IDENTITY_HEADERS = [IDENTITY_HEADER, IDENTITY_TS_HEADER, IDENTITY_SIG_HEADER] as const;

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

/** The three signed identity headers: base64url JSON, epoch-ms timestamp, hex HMAC-SHA256 of `ts + "." + payload`. */
export function signIdentity(identity: Identity, secret: string, nowMs: number = Date.now()): Record<string, string> {
  const payload = Buffer.from(identityJson(identity), 'utf8').toString('base64url');
  const ts = String(nowMs);
  const sig = createHmac('sha256', secret).update(`${ts}.${payload}`).digest('hex');
  return { [IDENTITY_HEADER]: payload, [IDENTITY_TS_HEADER]: ts, [IDENTITY_SIG_HEADER]: sig };
}
