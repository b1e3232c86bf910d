/**
 * Bench 6 — operation limits: the abusive requests of issue 10 (20,000 aliases, a depth-40 cyclic
 * selection, a 1 MB document) against the whole graph (startStack in a child process), once with the
 * default limits and once with every limit off. Reports the time to the answer (the refusal, or the
 * result with limits off) and the stack process's RSS before and after, a fresh process per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildMessage } from './graph/stack-child';
import { forkIpcChild } from '../test/support/processes';
import type { BenchResult } from './lib/report';
import { median, round } from './lib/stats';

const MiB = 2 ** 20;
/** Longest a request with limits off may take before it counts as "no answer". */
const TIMEOUT_MS = 180_000;
const LIMITS_OFF = {
  MAX_OPERATION_TOKENS: '0',
  MAX_OPERATION_DEPTH: '0',
  MAX_OPERATION_ALIASES: '0',
  MAX_OPERATION_ROOT_FIELDS: '0',
  MAX_OPERATION_DIRECTIVES: '0',
};

/** A process's resident set from /proc: it answers even while the child's event loop is blocked. */
function rssOf(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc: unlike wall time, a busy machine does not inflate it. */
function cpuMsOf(pid: number): number {
  // Fields after the command name (which may hold spaces): state is the 1st, utime the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
// USER_HZ, 100 on Linux for every architecture Node supports.
const CLOCK_TICKS_PER_SECOND = 100;

interface Case {
  name: string;
  describe: string;
  query(orderId: string): string;
  customer: boolean;
}

/**
 * Order → afterSalesServices → order → …, the schema's cycle, `levels` fields deep in all, from an
 * order with exactly one after-sales service: every level is one object, so the cost is the depth
 * itself (sequential subgraph fetches), not a fan-out.
 */
function deepQuery(levels: number, orderId: string): string {
  let selection = 'id';
  for (let level = levels - 1; level >= 2; level--) selection = `${level % 2 === 0 ? 'afterSalesServices' : 'order'} { id ${selection} }`;
  return `{ order(id: "${orderId}") { ${selection} } }`;
}

/** One of the demo customer's orders with exactly one after-sales service. */
async function orderWithOneService(gatewayUrl: string, token: string): Promise<string> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ orders(first: 50) { edges { node { id afterSalesServices { id } } } } }' }),
  });
  const { data } = (await res.json()) as { data: { orders: { edges: { node: { id: string; afterSalesServices: unknown[] } }[] } } };
  const order = data.orders.edges.find((e) => e.node.afterSalesServices.length === 1);
  if (!order) throw new Error('the demo customer has no order with exactly one after-sales service');
  return order.node.id;
}

const CASES: Case[] = [
  {
    name: '20,000 aliases',
    describe: '`{ a0: supportOffices { id } a1: supportOffices { id } … }`, anonymous',
    query: () => `{ ${Array.from({ length: 20_000 }, (_, i) => `a${i}: supportOffices { id }`).join(' ')} }`,
    customer: false,
  },
  {
    name: 'depth 40',
    describe:
      '`order(id) → afterSalesServices → order → …` 40 fields deep, as the demo customer, from an order with one after-sales service',
    query: (orderId) => deepQuery(40, orderId),
    customer: true,
  },
  {
    name: '1 MB document',
    describe: '`{ hotlines { id number } hotlines { id number } … }` up to 1,000,000 bytes of JSON, anonymous',
    query: () => {
      const field = 'hotlines { id number } ';
      return `{ ${field.repeat(Math.floor((1_000_000 - 40) / field.length))}}`;
    },
    customer: false,
  },
];

interface Sample {
  case: string;
  limits: 'default' | 'off';
  status: number | 'no answer';
  code?: string;
  ms: number[];
  requestBytes: number;
  rssBeforeBytes: number;
  rssAfterBytes?: number;
  /** CPU time the stack process spent per request (its whole process, 10 ms resolution / repeats). */
  cpuMsPerRequest?: number;
}

async function runCase(c: Case, limits: 'default' | 'off', repeats: number): Promise<Sample> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...(limits === 'off' ? LIMITS_OFF : {}) };
  for (const name of Object.keys(env))
    if (name === 'REDIS_URL' || name === 'JD_API_URL' || name.startsWith('SUBGRAPH_URL_') || name.startsWith('MAX_OPERATION_')) {
      if (!(limits === 'off' && name in LIMITS_OFF)) delete env[name];
    }
  const child = forkIpcChild<ChildMessage>(join(__dirname, 'graph', 'stack-child.ts'), env, 'stack child');
  try {
    const ready = await child.next('ready', 60_000);
    const body = JSON.stringify({ query: c.query(c.customer ? await orderWithOneService(ready.gatewayUrl, ready.token) : '') });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (c.customer) headers.authorization = `Bearer ${ready.token}`;
    const pid = child.child.pid!;
    const rssBeforeBytes = rssOf(pid);
    const cpuBefore = cpuMsOf(pid);
    const sample: Sample = { case: c.name, limits, status: 0, ms: [], requestBytes: Buffer.byteLength(body), rssBeforeBytes };
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      try {
        const res = await fetch(ready.gatewayUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
        const text = await res.text();
        sample.ms.push(performance.now() - started);
        sample.status = res.status;
        const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
        if (code) sample.code = code;
      } catch {
        sample.status = 'no answer';
        sample.ms.push(TIMEOUT_MS);
        break; // still busy with it: measured as it is, then killed
      }
    }
    sample.rssAfterBytes = rssOf(pid);
    sample.cpuMsPerRequest = (cpuMsOf(pid) - cpuBefore) / sample.ms.length;
    return sample;
  } finally {
    await child.stop();
  }
}

export async function runLimitsBench(options: { rounds: number }): Promise<BenchResult> {
  const samples: Sample[] = [];
  for (const c of CASES) {
    samples.push(await runCase(c, 'default', options.rounds));
    samples.push(await runCase(c, 'off', 1));
  }
  const find = (c: Case, limits: Sample['limits']) => samples.find((s) => s.case === c.name && s.limits === limits)!;
  const ms = (s: Sample) => (s.status === 'no answer' ? `> ${TIMEOUT_MS / 1000} s (no answer)` : round(median(s.ms)));
  const rss = (s: Sample) => `${round(s.rssBeforeBytes / MiB)} → ${s.rssAfterBytes === undefined ? '?' : round(s.rssAfterBytes / MiB)}`;
  const cpu = (s: Sample) => (s.cpuMsPerRequest === undefined ? '?' : round(s.cpuMsPerRequest));
  const answer = (s: Sample) => `${s.status}${s.code ? ` ${s.code}` : ''}`;
  return {
    name: 'limits',
    title: 'Bench 6 — operation limits: abusive requests refused vs run with the limits off',
    method: [
      'The whole graph (JD sandbox, four subgraphs and the gateway, as `npm start` runs them) in a child process, a fresh one for every case and setting, LOG_LEVEL=silent.',
      'default: the default operation limits (MAX_OPERATION_TOKENS=2000, depth 12, aliases 30, root fields 20, directives 30). off: every MAX_OPERATION_* set to 0; the 1 MB body limit stays.',
      `With the limits, the request is sent ${options.rounds} times, one after the other, and the median time to the answer is reported; with the limits off it is sent once (each takes seconds), with a ${TIMEOUT_MS / 1000} s timeout.`,
      'CPU ms: the user + system time the stack process used per request (from /proc, 10 ms ticks, divided by the requests sent): the figure to compare on a busy shared machine, where wall time mostly measures waiting for a core. The ratio compares these.',
      'RSS is the stack process (gateway, subgraphs and sandbox in one process, VmRSS from /proc) just before the first request and just after the last answer (or the timeout).',
      ...CASES.map((c) => `${c.name}: ${c.describe}.`),
    ],
    tables: [
      {
        title: 'Time to answer and RSS',
        columns: [
          'request',
          'bytes',
          'answer, limits on',
          'ms, limits on',
          'CPU ms, limits on',
          'RSS MiB, limits on',
          'answer, limits off',
          'ms, limits off',
          'CPU ms, limits off',
          'RSS MiB, limits off',
          'CPU, refusal / off',
        ],
        rows: CASES.map((c) => {
          const on = find(c, 'default');
          const off = find(c, 'off');
          const ratio = `${off.status === 'no answer' ? '< ' : ''}${round((100 * (on.cpuMsPerRequest ?? NaN)) / (off.cpuMsPerRequest ?? NaN))} %`;
          return [c.name, on.requestBytes, answer(on), ms(on), cpu(on), rss(on), answer(off), ms(off), cpu(off), rss(off), ratio];
        }),
      },
    ],
    notes: [
      'The time with the limits on includes sending the body over loopback and parsing its JSON (0.6 to 1 MB for the first and third request); the first of the repeats warms the process up.',
      'depth 40 follows one object per level, so without limits it costs only its 19 sequential subgraph fetches; the same depth over orders with several services each multiplies the objects at every level.',
      "1 MB document without limits: graphql-js (16.x) itself gives up on the repeated fields once its overlap check has spent its complexity budget ('Validation aborted.'); with the token limit the parser stops after 2,000 tokens.",
    ],
    raw: { timeoutMs: TIMEOUT_MS, samples },
  };
}
