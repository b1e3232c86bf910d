import { createHash } from 'node:crypto';
import type { Identity } from './identity';
import type { PartnerKey } from './partner-key';
import { unauthenticated } from './errors';

const digest = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Looks partner keys up by their SHA-256 so the lookup time says nothing about the key itself. */
export function createApiKeyVerifier(keys: PartnerKey[]): (apiKey: string) => Identity {
  const byDigest = new Map(keys.map((k) => [digest(k.key), k]));
  return (apiKey) => {
    const partner = byDigest.get(digest(apiKey));
    if (!partner) throw unauthenticated('The x-api-key is not recognised');
    return { kind: 'partner', partnerId: partner.partnerId, scopes: [...partner.scopes] };
  };
}
