import { z } from 'zod';

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
