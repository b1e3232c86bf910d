import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { composeFromRoverConfig, readRoverConfig } from '../../../scripts/compose';
import { checkSupergraph, knownOperations } from '../../../scripts/supergraph-check';

const root = resolve(__dirname, '../../..');
const committed = () => readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8');
const run = promisify(execFile);

/**
 * A fixture subgraph change: rover.yaml's subgraphs as committed, except the offices SDL with `edit`
 * applied. The edit must change something, so a schema that drifts away from it fails the test
 * instead of passing silently.
 */
function fixtureWithOfficesEdit(dir: string, edit: (sdl: string) => string): string {
  const rover = readRoverConfig(join(root, 'rover.yaml'));
  const original = readFileSync(join(root, rover.subgraphs.offices.schema.file), 'utf8');
  const edited = edit(original);
  if (edited === original) throw new Error('the fixture edit no longer applies to schema/offices.graphql');
  writeFileSync(join(dir, 'offices.graphql'), edited);
  const subgraphs = Object.entries(rover.subgraphs).map(([name, s]) => {
    const file = name === 'offices' ? join(dir, 'offices.graphql') : join(root, s.schema.file);
    return `  ${name}:\n    routing_url: ${s.routing_url}\n    schema:\n      file: ${file}\n`;
  });
  const config = join(dir, 'rover.yaml');
  writeFileSync(config, `federation_version: ${rover.federation_version}\nsubgraphs:\n${subgraphs.join('')}`);
  return config;
}

// The deliberately breaking change: SupportOffice.nextOpensAt removed from the offices subgraph.
const removeNextOpensAt = (sdl: string) => sdl.replace(/\n[^\n]*"""[^"]*When the office next opens[^"]*"""\n\s*nextOpensAt: [^\n]*/, '');

describe('npm run compose -- --check', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'compose-check-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const compose = (...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'scripts/compose.ts', ...args], { cwd: root }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  it('passes on the committed subgraphs: nothing changed, nothing broken, nothing written', async () => {
    const before = committed();
    const result = await compose('--check');
    expect(result.stdout).toContain('Breaking changes: 0');
    expect(result.stdout).toContain('No persisted operation or explorer example is broken.');
    expect(result.code).toBe(0);
    expect(committed()).toBe(before);
  });

  it('fails on a breaking fixture, naming the persisted operation and the explorer examples it breaks', async () => {
    const config = fixtureWithOfficesEdit(dir, removeNextOpensAt);
    const result = await compose(config, join(dir, 'unused.graphql'), '--check', '--against', join(root, 'schema', 'supergraph.graphql'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Breaking changes: 1\n {2}- Field 'nextOpensAt' was removed from object type 'SupportOffice' \(SupportOffice\.nextOpensAt\)/,
    );
    expect(result.stdout).toContain('persisted operation MobileNearestSupportOffice (persisted-operations/manifest.json):');
    expect(result.stdout).toContain('Cannot query field "nextOpensAt" on type "SupportOffice".');
    expect(result.stdout).toContain(
      'explorer example PartnerNearestSupportOffice (gateway/explorer/examples/partner/03-nearest-support-office.graphql):',
    );
    // Operations that never select the field are not blamed.
    expect(result.stdout).not.toContain('MobileOrderList');
    expect(result.stderr).toMatch(/^Check failed: the new supergraph breaks MobileNearestSupportOffice, .*NearestSupportOffice/m);
  });

  it('blames an operation for a breaking change that still validates (a field turned nullable) and passes one no operation uses', async () => {
    const nullable = composeFromRoverConfig(
      fixtureWithOfficesEdit(dir, (sdl) => sdl.replace('openNow: Boolean! @cacheControl', 'openNow: Boolean @cacheControl')),
    );
    if (!nullable.ok) throw new Error(nullable.errors.join('\n'));
    const operations = knownOperations(root);
    const check = await checkSupergraph(committed(), nullable.supergraphSdl, operations);
    expect(check.breaking.map((c) => c.path)).toEqual(['SupportOffice.openNow']);
    const mobile = check.broken.find((b) => b.operation.name === 'MobileNearestSupportOffice');
    expect(mobile?.reasons).toEqual([expect.stringMatching(/changed type from 'Boolean!' to 'Boolean' \(SupportOffice\.openNow\)$/)]);

    const unused = composeFromRoverConfig(
      fixtureWithOfficesEdit(dir, (sdl) => sdl.replace(/\n[^\n]*"""[^"]*at the given instant[^"]*"""\n\s*openAt\([^)]*\): Boolean!/, '')),
    );
    if (!unused.ok) throw new Error(unused.errors.join('\n'));
    const quiet = await checkSupergraph(committed(), unused.supergraphSdl, operations);
    expect(quiet.breaking.map((c) => c.path)).toEqual(['SupportOffice.openAt']);
    expect(quiet.broken).toEqual([]);
  });

  it('checks every persisted operation and every explorer example', () => {
    const operations = knownOperations(root);
    const manifest = JSON.parse(readFileSync(join(root, 'persisted-operations', 'manifest.json'), 'utf8')) as { operations: unknown[] };
    expect(operations.filter((o) => o.kind === 'persisted operation')).toHaveLength(manifest.operations.length);
    expect(operations.filter((o) => o.kind === 'explorer example').length).toBeGreaterThanOrEqual(4);
  });
});
