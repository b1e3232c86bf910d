/**
 * `npm run schema`: writes schema/<name>.graphql for every subgraphs/<name>/schema.ts (kit excluded),
 * from printSubgraphSchema, so composition and review read committed SDL rather than introspection.
 */
import 'reflect-metadata';
import { relative, resolve } from 'node:path';
import { writeSchemaFiles } from './lib/schema-files';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  // Optional `<subgraphsDir> <schemaDir>` arguments exist for trying the script on other folders.
  const [subgraphsDir = resolve(root, 'subgraphs'), schemaDir = resolve(root, 'schema')] = process.argv.slice(2).map((p) => resolve(p));
  const results = await writeSchemaFiles({ subgraphsDir, schemaDir });
  if (results.length === 0) console.log('no subgraphs/<name>/schema.ts found; nothing written');
  for (const { file, changed } of results) console.log(`${changed ? 'wrote    ' : 'unchanged'} ${relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
