/**
 * The chaos suite (`npm run chaos`, bench/chaos/) at smoke scale: every scenario once, on one graph
 * deployed as separate processes (four subgraphs and a gateway, production mode) over a sandbox with
 * faults. The full runs and their figures are in RELIABILITY.md.
 */
import { CHAOS_ENV, SUBGRAPHS, startChaosGraph, type ChaosGraph } from '../../bench/chaos/graph';
import type { ScenarioResult } from '../../bench/chaos/scenario';
import { appliesUnderFaults } from '../../bench/chaos/scenarios/applies';
import { fuzzedRequests } from '../../bench/chaos/scenarios/fuzz';
import { redisOutage } from '../../bench/chaos/scenarios/redis-outage';
import { sigtermUnderLoad } from '../../bench/chaos/scenarios/sigterm';
import { subgraphFaults } from '../../bench/chaos/scenarios/subgraph-faults';
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from '../support/private-redis';

jest.setTimeout(120_000);

const withRedis = hasRedisServer() || process.env.CI === 'true';
const describeWithRedis = withRedis ? describe : describe.skip;

describeWithRedis('chaos suite, smoke scale', () => {
  let redis: PrivateRedis;
  let graph: ChaosGraph;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    graph = await startChaosGraph({ env: { ...CHAOS_ENV, REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await graph?.stop();
    await redis?.stop();
  });

  const met = (r: ScenarioResult, label: string) => r.targets.find((t) => t.label === label)?.met;

  it('applications with idempotency keys under JD faults and post-commit hangs: 0 lost, 0 duplicated', async () => {
    const r = await appliesUnderFaults('smoke', graph);
    expect(r.outcomes).toMatchObject({ keys: 30, lost: 0, duplicated: 0 });
    expect(r.outcomes['filed and heard of'] + r.outcomes.refused + r.outcomes['gave up (nothing filed)']).toBe(30);
    // The faults were real: the JD client sent creates again, or clients had to retry (the JD client's own
    // retries, reconciliation and cached reads may absorb every fault, leaving the clients nothing to retry).
    expect(Math.max(r.outcomes['client attempts'], r.outcomes['apply.create calls sent to JD'])).toBeGreaterThan(30);
  });

  it('fuzzed requests never crash the gateway nor leak internals', async () => {
    const r = await fuzzedRequests('smoke', graph);
    expect(r.outcomes['gateway crashes']).toBe(0);
    expect(r.outcomes['responses with a leak']).toBe(0);
    expect(r.outcomes['no answer (connection failed or 15 s timeout)']).toBe(0);
    expect(met(r, 'crashes = 0')).toBe(true);
  });

  it('each subgraph killed and hung: the gateway stays up, answers killed ones at once, never leaks', async () => {
    const results = await subgraphFaults('smoke', graph);
    expect(results.map((r) => r.name)).toEqual(SUBGRAPHS.flatMap((n) => [`${n} subgraph killed`, `${n} subgraph hung`]));
    for (const r of results) {
      expect([r.name, r.outcomes['responses with a leak'], r.outcomes['5xx'], r.outcomes['connection failed']]).toEqual([r.name, 0, 0, 0]);
    }
    for (const r of results.filter((x) => x.name.endsWith('killed'))) {
      expect([r.name, r.outcomes['no answer within 2 s']]).toEqual([r.name, 0]);
      // The client learns which subgraph is down, with a stable code.
      expect([r.name, r.outcomes['an error names the subgraph with a stable code']]).toEqual([r.name, 2]);
    }
    // A subgraph that contributes only nullable fields leaves the rest of the dashboard standing.
    for (const name of ['after-sales', 'exchange', 'offices']) {
      const killed = results.find((r) => r.name === `${name} subgraph killed`)!;
      expect([name, killed.outcomes['answered with data (partial, with errors)']]).toEqual([name, 2]);
    }
  });

  it('Redis killed then restored: nothing fails, nothing hangs while it is down, and every request is answered again once it is back', async () => {
    const r = await redisOutage('smoke', { graph, redis });
    expect(r.outcomes['failed (while Redis was up)']).toBe(0);
    // Redis is an optimisation: while it is dead no request hangs (the APQ store and the JD cache fail fast).
    expect(met(r, 'no request hangs')).toBe(true);
    expect(r.outcomes['responses with a leak']).toBe(0);
    expect(r.notes[2]).toMatch(/^Restored: \d+ requests, (\d+) ok, 0 failed, 0 unanswered/);
  });

  it('SIGTERM under load (last: it ends the gateway): every request in flight completes and the process exits 0 in time', async () => {
    const r = await sigtermUnderLoad('smoke', graph);
    expect(r.outcomes).toMatchObject({
      'requests sent': 20,
      'completed with data': 20,
      'exit code': 0,
      'sent after the signal: answered': 0,
    });
    // The signal came once the gateway had read every request, and some were still running then.
    expect(r.outcomes['in flight at the signal (gateway_http_requests_in_flight)']).toBeGreaterThan(0);
    expect(met(r, 'exit 0 within the drain window')).toBe(true);
  });
});
