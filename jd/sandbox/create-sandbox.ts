/** Starts the offline JD in-process: `POST /routerjson` plus the `/__sandbox/*` control endpoints. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './control/admin';
import type { FaultConfig } from './control/fault-spec';
import { FaultController } from './control/faults';
import { StatsRecorder } from './control/stats';
import { advanceService } from './control/advance';
import { DEFAULT_SCALE, generateSandboxData, type DataScale } from './data/generate';
import type { SandboxData } from './data/types';
import { DEMO_PINS } from './data/demo';
import { errorResponse } from './router/errors';
import { handleRouterCall } from './router/handle-call';
import { mergeParams } from './router/params';
import type { SandboxCredentials } from './router/system-checks';
import { JD_METHODS } from '../protocol';
import { SANDBOX_JD_CREDENTIALS } from '../../config';

export const SANDBOX_DEFAULT_SEED = 'jd-sandbox';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: string | number;
  /** The data clock. A Date starts it there and lets it run with real time; a function is used as is. */
  now?: Date | (() => Date);
  scale?: Partial<DataScale>;
  credentials?: Partial<SandboxCredentials>;
  faults?: FaultConfig;
}

export interface Sandbox {
  /** Base URL, e.g. http://127.0.0.1:4010 */
  url: string;
  /** `${url}/routerjson` — what JD_API_URL should point at. */
  routerUrl: string;
  port: number;
  credentials: SandboxCredentials;
  faults: FaultController;
  stats: StatsRecorder;
  /** The live data (replaced by `reset({ data: true })`): customers, orders, afsServices, skus, … */
  readonly data: SandboxData;
  /** The data clock's current reading. */
  now(): Date;
  /** Clears stats and faults; regenerates the data too with `{ data: true }`. */
  reset(options?: { data?: boolean }): void;
  /** Moves a service to its next step (or `toStep`) and appends a schedule entry. */
  advance(afsServiceId: number, toStep?: number): ReturnType<typeof advanceService>;
  stop(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: object): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Generates the data for `options.seed` and listens; resolves once the port is bound. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = String(options.seed ?? SANDBOX_DEFAULT_SEED);
  const scale: DataScale = { ...DEFAULT_SCALE, ...options.scale };
  const credentials: SandboxCredentials = { ...SANDBOX_JD_CREDENTIALS, ...options.credentials };
  const startedAt = Date.now();
  const opt = options.now;
  const dataNow = typeof opt === 'function' ? opt : opt ? () => new Date(opt.getTime() + (Date.now() - startedAt)) : () => new Date();
  let data = generateSandboxData(seed, dataNow(), scale);
  const faults = new FaultController(seed, options.faults ?? {});
  const initialFaults = faults.get();
  const stats = new StatsRecorder();
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const reset = (withData = false) => {
    stats.reset();
    faults.clear();
    faults.set(initialFaults);
    if (withData) data = generateSandboxData(seed, dataNow(), scale);
  };
  const routerDeps = { credentials, faults, stats, sleep, wallClockMs: () => Date.now(), methodContext: () => ({ data, now: dataNow }) };

  let base = '';
  const info = () => ({
    name: 'JD Support Graph — offline JD sandbox (sandbox-only credentials below are not secrets)',
    routerUrl: `${base}/routerjson`,
    credentials: { app_key: credentials.appKey, access_token: credentials.accessToken, app_secret: credentials.appSecret },
    seed,
    scale,
    dataClock: dataNow().toISOString(),
    demoCustomers: Object.values(DEMO_PINS),
    methods: Object.values(JD_METHODS),
    control: [
      'GET /__sandbox/customers',
      'GET /__sandbox/stats',
      'GET|POST /__sandbox/faults',
      'POST /__sandbox/reset {data?: true}',
      'POST /__sandbox/afs/advance {afsServiceId, toStep?}',
    ],
  });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      const body = await readBody(req);
      if (body === null) return send(res, 413, errorResponse('61', 'request body larger than 1 MiB'));
      if (url.pathname === '/routerjson' && (req.method === 'POST' || req.method === 'GET')) {
        const answer = await handleRouterCall(mergeParams(url, req.headers['content-type'], body), routerDeps);
        if (answer.holdMs) await sleep(answer.holdMs);
        return send(res, answer.status, answer.body);
      }
      const admin = handleAdmin(req.method ?? 'GET', url.pathname, url.searchParams, body, {
        faults,
        stats,
        info,
        data: () => data,
        dataNow,
        reset,
      });
      send(res, admin?.status ?? 404, admin?.body ?? { error: `no route ${req.method} ${url.pathname}` });
    })().catch(() => send(res, 500, errorResponse('43')));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: base,
    routerUrl: `${base}/routerjson`,
    port,
    credentials,
    faults,
    stats,
    get data() {
      return data;
    },
    now: dataNow,
    reset: (o) => reset(o?.data === true),
    advance: (id, toStep) => advanceService(data, id, dataNow(), toStep),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
