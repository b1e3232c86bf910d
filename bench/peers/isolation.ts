/**
 * Customers kept apart under concurrency: many identical dashboards of two customers at once through
 * each gateway, every answer compared with that customer's own. A gateway that shares in-flight
 * subgraph fetches must key them on the caller; one that handed a customer another's orders would
 * also look faster, so the bench refuses to measure it.
 */
import { canonicalJson, compareAnswers, parseCleanAnswer } from './answers';
import { send } from './http';
import type { TargetId } from './options';
import type { RunningSubgraphs } from './subgraphs';
import type { RunningTarget } from './targets';
import { dashboardRequest } from './workloads';

export interface Customer {
  pin: string;
  token: string;
}

export interface IsolationResult {
  target: TargetId;
  requests: number;
  wrongAnswers: number;
  /** Subgraph requests the burst caused. */
  subgraphFetches: number;
}

/** `perCustomer` concurrent dashboards of each customer, interleaved, per gateway; throws when any answer is not its customer's. */
export async function checkIsolation(
  gateways: RunningTarget[],
  customers: Customer[],
  subgraphs: RunningSubgraphs,
  perCustomer = 16,
): Promise<IsolationResult[]> {
  const results: IsolationResult[] = [];
  const problems: string[] = [];
  // Each customer's own answer, one request at a time; every gateway must agree with the first (ours).
  const expected = new Map<string, string>();
  for (const c of customers) {
    const answers = [];
    for (const g of gateways) answers.push({ from: g.id, ...(await send(dashboardRequest(g.url, c.token))) });
    const wrong = compareAnswers(answers, []).filter((v) => !v.identical);
    if (wrong.length > 0)
      throw new Error(`peers: ${c.pin}'s dashboard differs between gateways: ${wrong.map((v) => `${v.from}: ${v.problem}`).join('; ')}`);
    expected.set(c.pin, canonicalJson(parseCleanAnswer(answers[0])));
  }
  for (const g of gateways) {
    const burst = Array.from({ length: perCustomer * customers.length }, (_, i) => customers[i % customers.length]);
    const before = await subgraphs.counts();
    const answers = await Promise.all(burst.map(async (c) => ({ pin: c.pin, ...(await send(dashboardRequest(g.url, c.token))) })));
    const after = await subgraphs.counts();
    const wrongAnswers = answers.filter((a) => canonicalJson(parseCleanAnswer({ from: g.id, ...a })) !== expected.get(a.pin)).length;
    const subgraphFetches = Object.keys(after).reduce((n, k) => n + after[k] - (before[k] ?? 0), 0);
    results.push({ target: g.id, requests: burst.length, wrongAnswers, subgraphFetches });
    if (wrongAnswers > 0) problems.push(`${g.label}: ${wrongAnswers} of ${burst.length} concurrent dashboards were not their customer's`);
  }
  if (problems.length > 0) throw new Error(`peers: customers mixed under concurrency:\n  ${problems.join('\n  ')}`);
  return results;
}
