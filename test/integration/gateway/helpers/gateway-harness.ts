import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { Writable } from 'node:stream';
import { loadGatewayConfig } from '../../../../gateway/config';
import { createGateway, type RunningGateway } from '../../../../gateway/server';
import { createLogger } from '../../../../gateway/logger';
import type { StubSubgraph } from './stub-subgraph';

/** Composes stub subgraphs with @apollo/composition into a supergraph SDL, failing loudly. */
export function composeStubs(stubs: Pick<StubSubgraph, 'name' | 'url' | 'sdl'>[]): string {
  const result = composeServices(stubs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

export interface Harness {
  gateway: RunningGateway;
  supergraphPath: string;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** A gateway on a free port over a temp supergraph file, with its JSON logs captured. */
export async function startGateway(stubs: StubSubgraph[], env: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeStubs(stubs));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      cb();
    },
  });
  const config = loadGatewayConfig({ GATEWAY_PORT: '0', SUPERGRAPH_PATH: supergraphPath, ...env });
  const gateway = await createGateway(config, { logger: createLogger('info', sink) });
  return {
    gateway,
    supergraphPath,
    logs,
    close: async () => {
      await gateway.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/** A GraphQL response body, typed for assertions. */
export const body = async (res: Response): Promise<GraphQLBody> => (await res.json()) as GraphQLBody;

/** A successful answer as the gateway sends it: the data, and the demand-control estimate in extensions.cost. */
export const priced = (data: Record<string, unknown>) => ({
  data,
  extensions: { cost: { estimated: expect.any(Number), max: expect.any(Number), mode: expect.any(String) } },
});
