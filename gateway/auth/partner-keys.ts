import { createHash } from 'node:crypto';
import { z } from 'zod';
import { unauthenticated, type Identity } from './identity';

export const partnerKeysSchema = z
  .array(
    z.object({
      key: z.string().min(16, 'an API key must be at least 16 characters'),
      partnerId: z.string().min(1),
      scopes: z.array(z.string().regex(/^[a-z][a-z-]*:[a-z][a-z-]*$/, 'a scope looks like "directory:read"')),
    }),
  )
  .refine((keys) => new Set(keys.map((k) => k.key)).size === keys.length, 'the same key appears twice');

export type PartnerKey = z.infer<typeof partnerKeysSchema>[number];

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
