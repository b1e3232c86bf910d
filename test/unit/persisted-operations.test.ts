/**
 * The mobile operation set: every operation validates against the composed supergraph's API schema,
 * and persisted-operations/manifest.json is exactly what `npm run persisted:manifest` builds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { composeServices } from '@apollo/composition';
import { readRoverConfig } from '../../scripts/compose';
import { buildManifest } from '../../scripts/persisted-manifest';
import { loadManifest, sha256Hex } from '../../gateway/safelist/manifest';

const root = resolve(__dirname, '../..');
const opsDir = join(root, 'persisted-operations');
const files = readdirSync(opsDir)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

/** The schema clients see: the composition of rover.yaml's subgraph files, federation machinery removed. */
function apiSchema(): GraphQLSchema {
  const roverYaml = join(root, 'rover.yaml');
  const config = readRoverConfig(roverYaml);
  const base = dirname(roverYaml);
  const result = composeServices(
    Object.entries(config.subgraphs).map(([name, s]) => ({
      name,
      url: s.routing_url,
      typeDefs: parse(readFileSync(resolve(base, s.schema.file), 'utf8')),
    })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.schema.toAPISchema().toGraphQLJSSchema();
}

describe('persisted mobile operations', () => {
  const schema = apiSchema();

  it('ship the operations the mobile apps need', () => {
    const names = buildManifest(opsDir)
      .operations.map((o) => o.name)
      .sort();
    expect(names).toEqual([
      'MobileApplyForAfterSales',
      'MobileCancelAfterSales',
      'MobileExchangeQuote',
      'MobileNearestSupportOffice',
      'MobileOrderDetail',
      'MobileOrderList',
      'MobileRequestExchange',
    ]);
  });

  it.each(files)('%s is valid against the supergraph', (file) => {
    const errors = validate(schema, parse(readFileSync(join(opsDir, file), 'utf8')));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('the detail screen reads the after-sales schedule and the support contacts', () => {
    const detail = readFileSync(join(opsDir, 'order-detail.graphql'), 'utf8');
    expect(detail).toMatch(/afterSalesServices\s*{[^}]*schedule\s*{\s*title\s+at\s*}/);
    expect(detail).toMatch(/supportContacts\s*{/);
  });

  it('manifest.json matches the .graphql files (else run `npm run persisted:manifest`)', () => {
    const committed = loadManifest(join(opsDir, 'manifest.json'));
    const fresh = buildManifest(opsDir);
    expect(
      JSON.stringify(committed) === JSON.stringify(fresh)
        ? 'up-to-date'
        : 'persisted-operations/manifest.json is stale: run `npm run persisted:manifest` and commit it',
    ).toBe('up-to-date');
    // Ids are the hash of the text the app sends, so APQ hashes and safelist ids agree.
    for (const op of committed.operations) expect(op.id).toBe(sha256Hex(op.body));
  });
});
