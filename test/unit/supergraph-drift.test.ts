/**
 * schema/supergraph.graphql must be exactly what composing rover.yaml's subgraph files produces.
 * On failure: run `npm run compose` and commit the result.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeFromRoverConfig, readRoverConfig } from '../../scripts/compose';

const root = resolve(__dirname, '../..');
const roverYaml = join(root, 'rover.yaml');

describe('committed supergraph', () => {
  const result = composeFromRoverConfig(roverYaml);

  it('rover.yaml names all four subgraphs, each with its committed SDL file', () => {
    const config = readRoverConfig(roverYaml);
    expect(Object.keys(config.subgraphs).sort()).toEqual(['after-sales', 'exchange', 'offices', 'orders']);
    for (const [name, subgraph] of Object.entries(config.subgraphs)) expect(subgraph.schema.file).toBe(`./schema/${name}.graphql`);
  });

  it('composes without errors', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('schema/supergraph.graphql matches the composition of rover.yaml (else run `npm run compose`)', () => {
    if (!result.ok) throw new Error('composition failed; see the test above');
    const committed = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
    const expected = result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
    // Compared as a verdict string so the failure reads as the fix.
    expect(committed === expected ? 'up-to-date' : 'schema/supergraph.graphql is stale: run `npm run compose` and commit it').toBe(
      'up-to-date',
    );
  });
});
