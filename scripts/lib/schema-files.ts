import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GraphQLSchema } from 'graphql';

/** A subgraph's `schema.ts`, found under the subgraphs folder. */
export interface SchemaModule {
  name: string;
  modulePath: string;
}

/** Where `npm run schema` and the drift test look, relative to the repository root. */
export interface SchemaFolders {
  subgraphsDir: string;
  schemaDir: string;
}

/** Every `<subgraphsDir>/<name>/schema.ts` except kit's, sorted by name. */
export function discoverSchemaModules(subgraphsDir: string): SchemaModule[] {
  return readdirSync(subgraphsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
    .map((entry) => ({ name: entry.name, modulePath: resolve(subgraphsDir, entry.name, 'schema.ts') }))
    .filter((module) => existsSync(module.modulePath))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Loads a schema module and returns the SDL its `buildSchema()` produces. */
export async function loadSchemaSdl(module: SchemaModule): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- modules are discovered at run time
  const exported = require(module.modulePath) as {
    buildSchema?: () => { schema: GraphQLSchema; sdl: string } | Promise<{ schema: GraphQLSchema; sdl: string }>;
  };
  if (typeof exported.buildSchema !== 'function') {
    throw new Error(`${module.modulePath} must export buildSchema(): { schema, sdl } (see subgraphs/kit buildSubgraph)`);
  }
  const { sdl } = await exported.buildSchema();
  if (typeof sdl !== 'string' || !sdl.trim()) throw new Error(`${module.modulePath}: buildSchema() returned no sdl`);
  return sdl;
}

/** `schema/<name>.graphql`. */
export const schemaFileFor = (schemaDir: string, name: string) => join(schemaDir, `${name}.graphql`);

/** The exact bytes committed for an SDL: one trailing newline. */
export const schemaFileContent = (sdl: string) => `${sdl.trimEnd()}\n`;

/** Writes every discovered subgraph's SDL; reports which files changed. */
export async function writeSchemaFiles({
  subgraphsDir,
  schemaDir,
}: SchemaFolders): Promise<{ name: string; file: string; changed: boolean }[]> {
  mkdirSync(schemaDir, { recursive: true });
  const written = [];
  for (const module of discoverSchemaModules(subgraphsDir)) {
    const file = schemaFileFor(schemaDir, module.name);
    const content = schemaFileContent(await loadSchemaSdl(module));
    const changed = !existsSync(file) || readFileSync(file, 'utf8') !== content;
    if (changed) writeFileSync(file, content);
    written.push({ name: module.name, file, changed });
  }
  return written;
}

/** One subgraph's committed SDL compared with what its code produces now. */
export interface SchemaFileCheck {
  name: string;
  file: string;
  status: 'up-to-date' | 'missing' | 'stale';
  expected: string;
  actual: string | null;
}

/** Compares one subgraph's SDL with its committed file, without writing anything. */
export async function checkSchemaFile(module: SchemaModule, schemaDir: string): Promise<SchemaFileCheck> {
  const file = schemaFileFor(schemaDir, module.name);
  const expected = schemaFileContent(await loadSchemaSdl(module));
  const actual = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const status = actual === null ? 'missing' : actual === expected ? 'up-to-date' : 'stale';
  return { name: module.name, file, status, expected, actual };
}

/** Compares every discovered subgraph's SDL with its committed file, without writing anything. */
export async function checkSchemaFiles({ subgraphsDir, schemaDir }: SchemaFolders): Promise<SchemaFileCheck[]> {
  const checks: SchemaFileCheck[] = [];
  for (const module of discoverSchemaModules(subgraphsDir)) checks.push(await checkSchemaFile(module, schemaDir));
  return checks;
}

/** A message for a failed check that says how to fix it. */
export function describeSchemaDrift(check: SchemaFileCheck): string {
  if (check.status === 'missing') return `${check.file} is missing for subgraph "${check.name}": run \`npm run schema\` and commit it.`;
  const expected = check.expected.split('\n');
  const actual = (check.actual ?? '').split('\n');
  const line = expected.findIndex((text, i) => text !== actual[i]);
  return [
    `${check.file} no longer matches subgraphs/${check.name}: run \`npm run schema\` and commit the result.`,
    `First difference at line ${line + 1}:`,
    `  committed: ${JSON.stringify(actual[line] ?? '<end of file>')}`,
    `  code:      ${JSON.stringify(expected[line] ?? '<end of file>')}`,
  ].join('\n');
}
