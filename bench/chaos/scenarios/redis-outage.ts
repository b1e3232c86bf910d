/**
 * Redis (the JD cache and the APQ store) killed mid-run and restored: three phases of steady load,
 * half customer dashboards and half hash-only APQ GETs of a registered query. A registration the
 * store lost is re-sent by the client with the query, as Apollo's clients do. Counts per phase.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PINS } from '../../../jd/sandbox';
import { startPrivateRedis, type PrivateRedis } from '../../../test/support/private-redis';
import { startChaosGraph, type ChaosGraph } from '../graph';
import { latency, leaksIn, send, type Answer } from '../load';
import type { Scale, ScenarioResult } from '../scenario';

const DASHBOARD = readFileSync(join(__dirname, '../../../gateway/explorer/examples/customer/01-dashboard.graphql'), 'utf8');
const APQ_QUERY = 'query ChaosOffices($countryCode: String!) { nearestSupportOffice(countryCode: $countryCode) { office { city } } }';
const CONCURRENCY = 5;

async function apqGet(graph: ChaosGraph, timeoutMs: number): Promise<Answer> {
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(APQ_QUERY).digest('hex') } };
  const params = new URLSearchParams({ variables: JSON.stringify({ countryCode: 'DE' }), extensions: JSON.stringify(extensions) });
  const hashOnly = await send(`${graph.gatewayUrl}?${params}`, {
    headers: { 'apollo-require-preflight': 'true' },
    timeoutMs,
  });
  if (hashOnly.status !== 200 || !hashOnly.body.includes('PERSISTED_QUERY_NOT_FOUND')) return hashOnly;
  const register = await send(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: APQ_QUERY, variables: { countryCode: 'DE' }, extensions }),
    timeoutMs,
  });
  return { ...register, ms: hashOnly.ms + register.ms };
}

const ok = (a: Answer) => a.status === 200 && !a.body.includes('"errors"');

/** Steady load for `ms`: CONCURRENCY clients, each alternating a dashboard and an APQ GET. */
async function phase(graph: ChaosGraph, token: string, ms: number, timeoutMs: number): Promise<Answer[]> {
  const until = Date.now() + ms;
  const answers: Answer[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, c) => {
      for (let i = c; Date.now() < until; i++) {
        answers.push(
          i % 2 === 0
            ? await send(graph.gatewayUrl, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify({ query: DASHBOARD }),
                timeoutMs,
              })
            : await apqGet(graph, timeoutMs),
        );
      }
    }),
  );
  return answers;
}

/** A shared graph must run with REDIS_URL pointing at `shared.redis`. */
export async function redisOutage(scale: Scale, shared?: { graph: ChaosGraph; redis: PrivateRedis }): Promise<ScenarioResult> {
  const phaseMs = scale === 'full' ? 20_000 : 2_000;
  const timeoutMs = scale === 'full' ? 10_000 : 3_000;
  const redis = shared?.redis ?? (await startPrivateRedis());
  const graph = shared?.graph ?? (await startChaosGraph({ env: { REDIS_URL: redis.url } }));
  try {
    const token = await graph.tokenFor(DEMO_PINS.alice);
    await apqGet(graph, timeoutMs); // registered while Redis is up
    const before = await phase(graph, token, phaseMs, timeoutMs);
    await redis.kill();
    const down = await phase(graph, token, phaseMs, timeoutMs);
    await redis.restart();
    const after = await phase(graph, token, phaseMs, timeoutMs);
    const all = [...before, ...down, ...after];
    const describe = (name: string, answers: Answer[]) => {
      const l = latency(answers.map((a) => a.ms));
      return `${name}: ${answers.length} requests, ${answers.filter(ok).length} ok, ${answers.filter((a) => !ok(a) && a.status > 0).length} failed, ${answers.filter((a) => a.status === -1).length} unanswered within ${timeoutMs / 1000} s; p50 ${l.p50} ms, p99 ${l.p99} ms.`;
    };
    const unanswered = all.filter((a) => a.status === -1).length;
    const downLatency = latency(down.map((a) => a.ms));
    const beforeLatency = latency(before.map((a) => a.ms));
    return {
      name: 'Redis killed, then restored, mid-run',
      fault: `a private redis-server (REDIS_URL of every part: JD cache and APQ store) SIGKILLed after ${phaseMs / 1000} s, started again on the same port ${phaseMs / 1000} s later`,
      load: `${CONCURRENCY} clients for 3 × ${phaseMs / 1000} s, alternating a customer dashboard and a hash-only APQ GET (re-registering on PERSISTED_QUERY_NOT_FOUND); client timeout ${timeoutMs / 1000} s`,
      outcomes: {
        requests: all.length,
        ok: all.filter(ok).length,
        'failed (while Redis was up)': [...before, ...after].filter((a) => !ok(a) && a.status > 0).length,
        'failed (while Redis was down)': down.filter((a) => !ok(a) && a.status > 0).length,
        [`no answer within ${timeoutMs / 1000} s`]: unanswered,
        'responses with a leak': all.filter((a) => leaksIn(a.body).length > 0).length,
      },
      latency: latency(all.map((a) => a.ms)),
      targets: [
        { label: 'no request hangs', met: unanswered === 0 },
        { label: 'added p50 latency while Redis is down < 50 ms', met: downLatency.p50 - beforeLatency.p50 < 50 },
      ],
      notes: [describe('Before', before), describe('Redis down', down), describe('Restored', after)],
    };
  } finally {
    if (!shared) {
      await graph.stop();
      await redis.stop();
    }
  }
}
