import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { composeStubs, startGateway, type Harness } from './helpers/gateway-harness';

/**
 * A ConfigMap volume as the kubelet writes it (its "atomic writer"): the data sits in a timestamped
 * folder, `..data` is a symlink to that folder, and each key is a symlink `key -> ..data/key`. An
 * update writes a new timestamped folder, points a temporary symlink `..data_tmp` at it, renames that
 * over `..data` (one atomic step) and deletes the old folder. The file the gateway reads never
 * changes in place: only the `..data` entry does.
 */
class ConfigMapVolume {
  readonly dir = mkdtempSync(join(tmpdir(), 'configmap-'));
  private generation = 0;
  private current?: string;

  constructor(readonly key: string) {}

  get path(): string {
    return join(this.dir, this.key);
  }

  write(content: string): void {
    const folder = `..2026_12_02_16_00_0${this.generation++}.${process.pid}`;
    mkdirSync(join(this.dir, folder));
    writeFileSync(join(this.dir, folder, this.key), content);
    symlinkSync(folder, join(this.dir, '..data_tmp'));
    renameSync(join(this.dir, '..data_tmp'), join(this.dir, '..data'));
    if (this.current) rmSync(join(this.dir, this.current), { recursive: true });
    else symlinkSync(join('..data', this.key), this.path);
    this.current = folder;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('supergraph hot reload from a Kubernetes ConfigMap volume', () => {
  let v1: StubSubgraph;
  let v2: StubSubgraph;
  let volume: ConfigMapVolume;
  let h: Harness;
  beforeAll(async () => {
    v1 = await startStubSubgraph('offices', 'type Query { offices: [String!]! }', { Query: { offices: () => ['v1'] } });
    v2 = await startStubSubgraph('offices', 'type Query { offices: [String!]! hotline: String }', {
      Query: { offices: () => ['v2'], hotline: () => '950618' },
    });
    volume = new ConfigMapVolume('supergraph.graphql');
    volume.write(composeStubs([v1]));
    h = await startGateway([v1], { SUPERGRAPH_PATH: volume.path });
  });
  afterAll(async () => {
    await h.close();
    await Promise.all([v1.stop(), v2.stop()]);
    volume.remove();
  });

  it('serves the new supergraph after the kubelet swaps the ..data symlink', async () => {
    const client = new GraphQLClient(h.gateway.url);
    expect(await client.request('{ offices }')).toEqual({ offices: ['v1'] });
    await expect(client.request('{ hotline }')).rejects.toThrow(/hotline/);

    const reloaded = h.gateway.supergraph.nextReload();
    volume.write(composeStubs([v2]));
    await reloaded;

    expect(await client.request('{ hotline }')).toEqual({ hotline: '950618' });
    expect(await client.request('{ offices }')).toEqual({ offices: ['v2'] });
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'supergraph reloaded', supergraph: volume.path }));
  });

  it('keeps serving the previous supergraph when a swap brings a broken one, and takes the next good one', async () => {
    const broken = h.gateway.supergraph.nextReload();
    volume.write('this is not a supergraph {');
    await broken;
    expect(h.logs.some((l) => l.level === 50 && l.msg === 'supergraph reload failed; still serving the previous schema')).toBe(true);
    const client = new GraphQLClient(h.gateway.url);
    expect(await client.request('{ hotline }')).toEqual({ hotline: '950618' });

    const fixed = h.gateway.supergraph.nextReload();
    volume.write(composeStubs([v1]));
    await fixed;
    expect(await client.request('{ offices }')).toEqual({ offices: ['v1'] });
  });
});
