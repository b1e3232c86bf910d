/**
 * The committed schema/<name>.graphql must be exactly what subgraphs/<name>/schema.ts produces.
 * On failure: run `npm run schema` and commit the result.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSchemaFile, describeSchemaDrift, discoverSchemaModules } from '../../scripts/lib/schema-files';

const root = resolve(__dirname, '../..');
const subgraphsDir = join(root, 'subgraphs');
const schemaDir = join(root, 'schema');
const modules = discoverSchemaModules(subgraphsDir);

describe('committed subgraph SDL', () => {
  it('covers every subgraph that has a schema.ts', () => {
    // Guards discovery itself: a subgraph silently skipped would never be drift-checked.
    const folders = readdirSync(subgraphsDir).filter((name) => name !== 'kit' && existsSync(join(subgraphsDir, name, 'schema.ts')));
    expect(modules.map((m) => m.name).sort()).toEqual(folders.sort());
  });

  it('finds the kit fixtures, so discovery is known to work before any subgraph exists', () => {
    expect(discoverSchemaModules(join(root, 'test/unit/kit/fixtures/subgraphs')).map((m) => m.name)).toEqual(['alpha', 'beta']);
  });

  for (const module of modules) {
    it(`schema/${module.name}.graphql matches subgraphs/${module.name}/schema.ts`, async () => {
      const check = await checkSchemaFile(module, schemaDir);
      // The received value is the instruction, so the failure reads as a fix-it message.
      expect(check.status === 'up-to-date' ? 'up-to-date' : describeSchemaDrift(check)).toBe('up-to-date');
    });
  }
});
