import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeFromRoverConfig } from '../../../scripts/compose';
import { subgraphsOfSupergraph } from '../../../gateway/supergraph/subgraph-urls';

const FED = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\n';

describe('compose (rover.yaml -> supergraph)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'compose-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const rover = (subgraphs: Record<string, number>) =>
    writeFileSync(
      join(dir, 'rover.yaml'),
      `federation_version: =2.9.0\nsubgraphs:\n${Object.entries(subgraphs)
        .map(([n, p]) => `  ${n}:\n    routing_url: http://127.0.0.1:${p}/graphql\n    schema:\n      file: ./${n}.graphql\n`)
        .join('')}`,
    );

  it('composes the listed subgraphs with their routing urls', () => {
    rover({ orders: 4001, offices: 4004 });
    writeFileSync(join(dir, 'orders.graphql'), `${FED}type Order @key(fields: "id") { id: ID! } type Query { order(id: ID!): Order }`);
    writeFileSync(
      join(dir, 'offices.graphql'),
      `${FED}type Order @key(fields: "id") { id: ID! hotline: String } type Query { offices: [String!]! }`,
    );
    const result = composeFromRoverConfig(join(dir, 'rover.yaml'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(subgraphsOfSupergraph(result.supergraphSdl)).toEqual([
      { name: 'offices', url: 'http://127.0.0.1:4004/graphql' },
      { name: 'orders', url: 'http://127.0.0.1:4001/graphql' },
    ]);
  });

  it('lists every missing schema file', () => {
    rover({ orders: 4001, 'after-sales': 4002 });
    const result = composeFromRoverConfig(join(dir, 'rover.yaml'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      expect.stringContaining('./orders.graphql does not exist'),
      expect.stringContaining('./after-sales.graphql does not exist'),
    ]);
  });

  it('lists every composition error with its code', () => {
    rover({ a: 4001, b: 4002 });
    writeFileSync(join(dir, 'a.graphql'), `${FED}type Query { shared: String other: Int }`);
    writeFileSync(join(dir, 'b.graphql'), `${FED}type Query { shared: String other: String }`);
    const result = composeFromRoverConfig(join(dir, 'rover.yaml'));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((e) => e.startsWith('INVALID_FIELD_SHARING:') && e.includes('Query.shared'))).toBe(true);
    expect(errors.some((e) => e.includes('Query.other'))).toBe(true);
  });

  it('refuses a config that is not Federation 2', () => {
    writeFileSync(join(dir, 'rover.yaml'), 'federation_version: 1\nsubgraphs: {}\n');
    expect(() => composeFromRoverConfig(join(dir, 'rover.yaml'))).toThrow(/federation_version/);
  });
});
