/**
 * The JD every subgraph test talks to: the in-process JD sandbox (it models JD's rules: idempotent
 * create, ownership refusals, step machine), the real signing JD client over HTTP, and a record of
 * every call that reached the sandbox — method, business params and batch size — so tests assert
 * what was sent upstream. Seed the data a test is about through `seed`.
 */
import { createJdClient, type JdClient, type JdClientConfig } from '../../jd/client';
import { createJdCache, createJdLoaders, type JdCache } from '../../jd/loaders';
import { JD_METHODS, JD_PARAM_JSON, type JdMethodName } from '../../jd/protocol';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../jd/sandbox';
import type { LoadersFactory } from '../../subgraphs/kit';
import { sandboxSeeder, type SandboxSeeder } from './sandbox-seed';

export interface RecordedJdCall {
  method: JdMethodName;
  /** The business parameters as sent (`360buy_param_json`, parsed). */
  params: Record<string, unknown>;
  /** Keys in this call, for JD's batch methods. */
  batchSize?: number;
}

export interface RecordingJdOptions {
  /** Generator seed. */
  seed?: string;
  /** Over the generator's default scale (`{}` is that default); omitted, the smallest world: the demo customers and 120 SKUs. */
  scale?: SandboxOptions['scale'];
  /** The sandbox's data clock (a function is used as is, so a fixed one never moves). */
  now?: SandboxOptions['now'];
  /** Client policy overrides, e.g. `{ retryMax: 0 }`. */
  client?: Partial<JdClientConfig>;
}

export interface RecordingJd {
  sandbox: Sandbox;
  client: JdClient;
  /** Every call that reached the sandbox, in the order sent. */
  calls: RecordedJdCall[];
  callsOf(method: JdMethodName): RecordedJdCall[];
  /** Most calls on their way at once since the last `forgetCalls`. */
  readonly peakInFlight: number;
  seed: SandboxSeeder;
  /** Per-request loaders over this JD and one process-wide cache, as a subgraph builds them. */
  createLoaders: LoadersFactory;
  readonly cache: JdCache;
  /** Forget the recorded calls, the peak and the sandbox's stats. */
  forgetCalls(): void;
  /** A new, empty cache: the next read goes to JD, as in a new process. */
  freshCache(): Promise<void>;
  close(): Promise<void>;
}

// The parameter that carries the keys of each batch method.
const BATCH_PARAM: Partial<Record<JdMethodName, string>> = {
  [JD_METHODS.priceGet]: 'sku_id',
  [JD_METHODS.goodsInfo]: 'skuIds',
  [JD_METHODS.stockGet]: 'skuIds',
};

function recorded(url: string, body: string): RecordedJdCall {
  const method = new URL(url).searchParams.get('method') as JdMethodName;
  const params = JSON.parse(new URLSearchParams(body).get(JD_PARAM_JSON) ?? '{}') as Record<string, unknown>;
  const keys = BATCH_PARAM[method];
  return keys && typeof params[keys] === 'string'
    ? { method, params, batchSize: String(params[keys]).split(',').length }
    : { method, params };
}

/** Starts the sandbox; `close()` stops it and the cache. */
export async function startRecordingJd(options: RecordingJdOptions = {}): Promise<RecordingJd> {
  const sandbox = await createSandbox({
    seed: options.seed ?? 'recording-jd',
    scale: options.scale ?? { customers: 0, ordersPerCustomer: 0, skus: 120 },
    now: options.now,
  });
  const calls: RecordedJdCall[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  const recordingFetch: typeof fetch = async (input, init) => {
    calls.push(recorded(String(input), String(init?.body ?? '')));
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  // The client's own rate limit would only slow tests down; its policies have their own tests.
  const client = createJdClient(
    { apiUrl: sandbox.routerUrl, ...sandbox.credentials, rateLimitPerSecond: 100_000, ...options.client },
    { fetch: recordingFetch },
  );
  let cache = createJdCache();
  return {
    sandbox,
    client,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    get peakInFlight() {
      return peakInFlight;
    },
    seed: sandboxSeeder(sandbox),
    createLoaders: (customerPin, call, staleness) => createJdLoaders({ client, cache, customerPin, call, staleness }),
    get cache() {
      return cache;
    },
    forgetCalls() {
      calls.length = 0;
      peakInFlight = 0;
      sandbox.stats.reset();
    },
    async freshCache() {
      await cache.close();
      cache = createJdCache();
    },
    async close() {
      await cache.close();
      await sandbox.stop();
    },
  };
}
