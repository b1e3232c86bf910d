import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { sha256Hex, type PersistedQueryManifest } from '../gateway/safelist/manifest';

// `npm run persisted:manifest [dir] [out]`: one .graphql operation per file -> Apollo's persisted-query manifest.

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** Builds the manifest from every .graphql file in `dir` (sorted by name); throws ManifestError listing every problem. */
export function buildManifest(dir: string): PersistedQueryManifest {
  const problems: string[] = [];
  const operations: PersistedQueryManifest['operations'] = [];
  const seen = new Map<string, string>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  for (const file of files) {
    const body = readFileSync(join(dir, file), 'utf8').trim();
    let ops: OperationDefinitionNode[];
    try {
      ops = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    if (ops.length !== 1) {
      problems.push(`${file}: holds ${ops.length} operations; put exactly one operation in each file`);
      continue;
    }
    const name = ops[0].name?.value;
    if (!name) {
      problems.push(`${file}: the operation is anonymous; give it a name`);
      continue;
    }
    const earlier = seen.get(name);
    if (earlier) {
      problems.push(`${file}: operation name "${name}" is already used by ${earlier}`);
      continue;
    }
    seen.set(name, file);
    operations.push({ id: sha256Hex(body), name, type: ops[0].operation, body });
  }
  if (files.length === 0) problems.push(`${dir} has no .graphql files`);
  if (problems.length > 0)
    throw new ManifestError(`Cannot build the persisted-query manifest:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'persisted-operations';
  const out = process.argv[3] ?? join(dir, 'manifest.json');
  try {
    const manifest = buildManifest(dir);
    writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
    process.stdout.write(`Wrote ${out} (${manifest.operations.length} operations)\n`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
