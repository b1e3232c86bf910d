/**
 * `npm start`'s process under SIGTERM with 50 requests in flight and a slow JD: every request
 * completes, and the process exits 0 within the drain window (it used to drain, then never exit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { freePort } from '../support/processes';

const JD_LATENCY_MS = 2500;
const DRAIN_MS = 8000;
const IN_FLIGHT = 50;

async function startGraphProcess(): Promise<{ child: ChildProcess; gateway: string; token: string; output: () => string }> {
  const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const [gateway, orders, afterSales, exchange, offices, sandbox] = ports.map(String);
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'start.ts'], {
    cwd: `${__dirname}/../..`,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      GATEWAY_PORT: gateway,
      ORDERS_PORT: orders,
      AFTER_SALES_PORT: afterSales,
      EXCHANGE_PORT: exchange,
      OFFICES_PORT: offices,
      JD_SANDBOX_PORT: sandbox,
      JD_SANDBOX_FAULTS: JSON.stringify({ '*': { latencyMs: JD_LATENCY_MS } }),
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += String(d)));
  child.stderr?.on('data', (d: Buffer) => (output += String(d)));
  const token = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /export TOKEN=(\S+)/.exec(output);
      if (found) {
        clearInterval(timer);
        resolve(found[1]);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the graph exited (${code}) before it was up:\n${output}`));
    });
  });
  return { child, gateway: `http://127.0.0.1:${gateway}/graphql`, token, output: () => output };
}

describe('SIGTERM under load', () => {
  let running: ChildProcess | undefined;
  afterEach(() => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
  });

  it(`lets ${IN_FLIGHT} requests in flight over a slow JD complete, then exits 0 within the drain window`, async () => {
    const { child, gateway, token, output } = await startGraphProcess();
    running = child;
    const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) =>
      child.once('exit', (code) => resolve({ code, afterMs: Date.now() - signalledAt })),
    );
    const url = new URL(gateway);
    const body = JSON.stringify({ query: '{ orders(first: 2) { edges { node { id } } } }' });
    const sent: Promise<void>[] = [];
    const requests = Array.from(
      { length: IN_FLIGHT },
      () =>
        new Promise<{ status: number; orders: unknown }>((resolve) => {
          const req = httpRequest(
            url,
            { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
            (res) => {
              let text = '';
              res.on('data', (d: Buffer) => (text += String(d)));
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, orders: (JSON.parse(text) as { data?: { orders?: unknown } }).data?.orders }),
              );
            },
          );
          req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, orders: err.code }));
          sent.push(new Promise((done) => req.once('finish', () => done())));
          req.end(body);
        }),
    );
    // Every request connected and sent before the signal; then a moment for the gateway to take them up.
    await Promise.all(sent);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const signalledAt = Date.now();
    child.kill('SIGTERM');

    const answers = await Promise.all(requests);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.every((a) => Array.isArray((a.orders as { edges?: unknown[] } | undefined)?.edges))).toBe(true);
    const { code, afterMs } = await exited;
    expect({ code, output: code === 0 ? '' : output() }).toEqual({ code: 0, output: '' });
    expect(afterMs).toBeLessThan(DRAIN_MS);
    expect(output()).toContain('JD Support Graph: stopped');
  });
});
