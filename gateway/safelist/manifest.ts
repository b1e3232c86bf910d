import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { stripIgnoredCharacters } from 'graphql';
import { z } from 'zod';

export const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'id must be the sha256 hex of the body'),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export type PersistedQueryManifest = z.infer<typeof manifestSchema>;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the safelist admits: manifest ids, and bodies compared without insignificant whitespace. */
export interface Safelist {
  size: number;
  admits(query: string): boolean;
}

function normalise(query: string): string {
  try {
    return stripIgnoredCharacters(query);
  } catch {
    return query; // unparsable text simply never matches a (parsable) manifest body
  }
}

export function safelistFromManifest(manifest: PersistedQueryManifest): Safelist {
  const ids = new Set(manifest.operations.map((o) => o.id));
  const bodies = new Set(manifest.operations.map((o) => normalise(o.body)));
  return { size: ids.size, admits: (query) => ids.has(sha256Hex(query)) || bodies.has(normalise(query)) };
}

/** Reads and validates a manifest file; the error names the file and what is wrong. */
export function loadManifest(path: string): PersistedQueryManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(
      `Cannot read the persisted-query manifest ${path} (build it with \`npm run persisted:manifest\`): ${(err as Error).message}`,
      { cause: err },
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${path} is not an Apollo persisted-query manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
