import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checkSchemaFiles,
  describeSchemaDrift,
  discoverSchemaModules,
  loadSchemaSdl,
  writeSchemaFiles,
} from '../../../scripts/lib/schema-files';
import { buildSchema as buildAlpha } from '../kit/fixtures/subgraphs/alpha/schema';

const fixtures = resolve(__dirname, '../kit/fixtures/subgraphs');

describe('schema files (npm run schema and the drift check)', () => {
  let schemaDir: string;
  beforeEach(() => {
    schemaDir = mkdtempSync(join(tmpdir(), 'kit-schema-'));
  });
  afterEach(() => rmSync(schemaDir, { recursive: true, force: true }));

  it('discovers every <name>/schema.ts except kit, sorted', () => {
    expect(discoverSchemaModules(fixtures)).toEqual([
      { name: 'alpha', modulePath: join(fixtures, 'alpha/schema.ts') },
      { name: 'beta', modulePath: join(fixtures, 'beta/schema.ts') },
    ]);
  });

  it('writes printSubgraphSchema output with one trailing newline, then reports it up to date', async () => {
    const written = await writeSchemaFiles({ subgraphsDir: fixtures, schemaDir });
    expect(written.map(({ name, changed }) => [name, changed])).toEqual([
      ['alpha', true],
      ['beta', true],
    ]);
    expect(readFileSync(join(schemaDir, 'alpha.graphql'), 'utf8')).toBe(`${buildAlpha().sdl.trimEnd()}\n`);

    const again = await writeSchemaFiles({ subgraphsDir: fixtures, schemaDir });
    expect(again.map((w) => w.changed)).toEqual([false, false]);
    expect((await checkSchemaFiles({ subgraphsDir: fixtures, schemaDir })).map((c) => c.status)).toEqual(['up-to-date', 'up-to-date']);
  });

  it('detects a stale and a missing file, and says how to fix it', async () => {
    await writeSchemaFiles({ subgraphsDir: fixtures, schemaDir });
    const file = join(schemaDir, 'alpha.graphql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('owner: String!', 'owner: String'));
    rmSync(join(schemaDir, 'beta.graphql'));

    const [alpha, beta] = await checkSchemaFiles({ subgraphsDir: fixtures, schemaDir });
    expect(alpha.status).toBe('stale');
    expect(describeSchemaDrift(alpha)).toMatch(
      /alpha\.graphql no longer matches subgraphs\/alpha: run `npm run schema`[\s\S]*committed: " {2}owner: String"\n {2}code: {6}" {2}owner: String!"/,
    );
    expect(beta.status).toBe('missing');
    expect(describeSchemaDrift(beta)).toMatch(/beta\.graphql is missing for subgraph "beta": run `npm run schema`/);
  });

  it('refuses a schema.ts that does not export buildSchema()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-subgraphs-'));
    try {
      mkdirSync(join(dir, 'broken'));
      writeFileSync(join(dir, 'broken/schema.ts'), 'export const somethingElse = 1;\n');
      const [module] = discoverSchemaModules(dir);
      await expect(loadSchemaSdl(module)).rejects.toThrow(/broken\/schema\.ts must export buildSchema\(\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
