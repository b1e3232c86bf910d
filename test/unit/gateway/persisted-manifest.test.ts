import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest } from '../../../scripts/persisted-manifest';
import { manifestSchema, safelistFromManifest } from '../../../gateway/safelist/manifest';

describe('persisted-operation manifest builder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ops-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds an Apollo manifest, id = sha256 of the body, one operation per file', () => {
    writeFileSync(join(dir, 'b-apply.graphql'), 'mutation Apply($id: ID!) { apply(id: $id) }\n');
    writeFileSync(join(dir, 'a-orders.graphql'), 'query MyOrders { orders { id } }\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const m = buildManifest(dir);
    expect(manifestSchema.parse(m)).toEqual(m);
    expect(m.operations.map((o) => [o.name, o.type])).toEqual([
      ['MyOrders', 'query'],
      ['Apply', 'mutation'],
    ]);
    expect(m.operations[0].id).toBe(createHash('sha256').update('query MyOrders { orders { id } }').digest('hex'));
    expect(safelistFromManifest(m).admits('query MyOrders {\n  orders {\n    id\n  }\n}')).toBe(true);
    expect(safelistFromManifest(m).admits('query MyOrders { orders { id secret } }')).toBe(false);
  });

  it('explains anonymous, duplicate, multi-operation and unparsable files all at once', () => {
    writeFileSync(join(dir, '1.graphql'), '{ orders { id } }');
    writeFileSync(join(dir, '2.graphql'), 'query Same { a }');
    writeFileSync(join(dir, '3.graphql'), 'query Same { b }');
    writeFileSync(join(dir, '4.graphql'), 'query X { a } query Y { b }');
    writeFileSync(join(dir, '5.graphql'), 'query {');
    const message = (() => {
      try {
        buildManifest(dir);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toMatch(/1\.graphql: the operation is anonymous/);
    expect(message).toMatch(/3\.graphql: operation name "Same" is already used by 2\.graphql/);
    expect(message).toMatch(/4\.graphql: holds 2 operations/);
    expect(message).toMatch(/5\.graphql: Syntax Error/);
  });
});
