import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parse, type DocumentNode } from 'graphql';
import { composeServices } from '@apollo/composition';
import { z } from 'zod';

import { checkSupergraph, formatCheck, knownOperations, readSupergraph } from './supergraph-check';

// `npm run compose`: rover's supergraph config in, schema/supergraph.graphql out, without the rover binary.
// `npm run compose -- --check [--against <file or URL>]`: compose, compare with the committed (or given)
// supergraph, list breaking and dangerous changes, and fail when a persisted operation or an explorer
// example would break. It writes nothing.

const roverConfigSchema = z.object({
  federation_version: z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((v) => /^=?2(\.\d+){0,2}$/.test(v), 'federation_version must be Federation 2, e.g. "=2.9.0"'),
  subgraphs: z.record(z.string(), z.object({ routing_url: z.url(), schema: z.object({ file: z.string().min(1) }) })),
});

export type RoverConfig = z.infer<typeof roverConfigSchema>;

export type ComposeResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[]; hints: string[] };

/** Reads and validates a rover supergraph config (YAML). */
export function readRoverConfig(path: string): RoverConfig {
  const parsed = roverConfigSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Composes the subgraphs a rover config names; every missing file, parse error, composition error and hint is reported. */
export function composeFromRoverConfig(configPath: string): ComposeResult {
  const config = readRoverConfig(configPath);
  const base = dirname(resolve(configPath));
  const errors: string[] = [];
  const services: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const names = Object.keys(config.subgraphs);
  if (names.length === 0) errors.push(`${configPath} lists no subgraphs`);
  for (const name of names) {
    const { routing_url: url, schema } = config.subgraphs[name];
    const file = resolve(base, schema.file);
    if (!existsSync(file)) {
      errors.push(`[${name}] schema file ${schema.file} does not exist (is the subgraph's SDL generated?)`);
      continue;
    }
    try {
      services.push({ name, url, typeDefs: parse(readFileSync(file, 'utf8')) });
    } catch (err) {
      errors.push(`[${name}] ${schema.file}: ${(err as Error).message}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors, hints: [] };
  const result = composeServices(services);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((e) => `${String(e.extensions?.code ?? 'COMPOSITION_ERROR')}: ${e.message}`), hints: [] };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}

const USAGE = 'usage: npm run compose -- [rover.yaml] [out.graphql] [--check [--against <file or URL>]]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { check: { type: 'boolean', default: false }, against: { type: 'string' }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.against !== undefined && !values.check) throw new Error(`--against needs --check\n${USAGE}`);
  const configPath = positionals[0] ?? 'rover.yaml';
  const out = positionals[1] ?? 'schema/supergraph.graphql';
  const result = composeFromRoverConfig(configPath);
  for (const hint of result.hints) process.stderr.write(`hint: ${hint}\n`);
  if (!result.ok) {
    process.stderr.write(`Composition failed with ${result.errors.length} error(s):\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  if (values.check) {
    const against = values.against ?? out;
    const check = await checkSupergraph(await readSupergraph(against), result.supergraphSdl, knownOperations(process.cwd()));
    process.stdout.write(`${formatCheck(check, against)}\n`);
    if (check.broken.length > 0) {
      process.stderr.write(`Check failed: the new supergraph breaks ${check.broken.map((b) => b.operation.name).join(', ')}.\n`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`);
  process.stdout.write(`Wrote ${out}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  });
}
