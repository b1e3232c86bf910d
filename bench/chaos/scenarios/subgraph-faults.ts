/**
 * Each subgraph killed (SIGKILL: connections refused) and each hung (SIGSTOP: connections accepted,
 * nothing answered) in turn, under the customer dashboard, which touches all four. Counts what the
 * clients got: an answer with data (partial or whole), data null, 5xx, no answer within the client
 * timeout, and leaks; the subgraph is continued or restarted after each fault.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PINS } from '../../../jd/sandbox';
import { SUBGRAPHS, startChaosGraph, type ChaosGraph } from '../graph';
import { latency, leaksIn, pool, send, type Answer } from '../load';
import type { Scale, ScenarioResult } from '../scenario';

const DASHBOARD = readFileSync(join(__dirname, '../../../gateway/explorer/examples/customer/01-dashboard.graphql'), 'utf8');

type Fault = 'killed' | 'hung';

async function dashboardLoad(
  graph: ChaosGraph,
  token: string,
  requests: number,
  concurrency: number,
  timeoutMs: number,
): Promise<Answer[]> {
  return pool(requests, concurrency, () =>
    send(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: DASHBOARD, variables: { first: 5 } }),
      timeoutMs,
    }),
  );
}

/** The subgraph that owns the dashboard's only root field (orders): with it down, nothing else is reachable. */
const ROOT_SUBGRAPH = 'orders';
const UNAVAILABLE_CODES = ['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT'];

interface Parsed {
  data?: { orders?: unknown } | null;
  errors?: { extensions?: { code?: string; subgraph?: string } }[];
}

function outcomeOf(answers: Answer[], timeoutMs: number, subgraph: string): ScenarioResult['outcomes'] {
  const parsed = answers.map((a) => {
    try {
      return a.status > 0 ? (JSON.parse(a.body) as Parsed) : undefined;
    } catch {
      return undefined;
    }
  });
  return {
    requests: answers.length,
    'answered with data (whole)': parsed.filter((p, i) => answers[i].status === 200 && p?.data && !p.errors).length,
    'answered with data (partial, with errors)': parsed.filter((p, i) => answers[i].status === 200 && p?.data && p.errors).length,
    'data null': parsed.filter((p, i) => answers[i].status === 200 && p && !p.data).length,
    'an error names the subgraph with a stable code': parsed.filter((p) =>
      p?.errors?.some((e) => UNAVAILABLE_CODES.includes(e.extensions?.code ?? '') && e.extensions?.subgraph === subgraph),
    ).length,
    '5xx': answers.filter((a) => a.status >= 500).length,
    [`no answer within ${timeoutMs / 1000} s`]: answers.filter((a) => a.status === -1).length,
    'connection failed': answers.filter((a) => a.status === 0).length,
    'responses with a leak': answers.filter((a) => leaksIn(a.body).length > 0).length,
  };
}

/**
 * Waits until a dashboard answers whole again: the gateway's breaker for the subgraph just restored
 * stays open for its half-open pause, and the next fault must not be measured against it.
 */
async function untilWhole(graph: ChaosGraph, token: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [answer] = await dashboardLoad(graph, token, 1, 1, 5_000);
    if (answer.status === 200 && !(JSON.parse(answer.body) as Parsed).errors) return;
    if (Date.now() > deadline)
      throw new Error(`the graph did not answer a whole dashboard within 30 s of a fault: ${answer.body.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One ScenarioResult per subgraph and fault, all on one graph (a killed subgraph is started again). */
export async function subgraphFaults(scale: Scale, shared?: ChaosGraph): Promise<ScenarioResult[]> {
  const timeoutMs = scale === 'full' ? 15_000 : 2_000;
  // A hung subgraph may hold each request for the whole client timeout: fewer requests, all at once.
  const load = (fault: Fault) =>
    scale === 'smoke'
      ? { requests: 2, concurrency: 2 }
      : fault === 'killed'
        ? { requests: 100, concurrency: 10 }
        : { requests: 20, concurrency: 20 };
  const graph = shared ?? (await startChaosGraph());
  const results: ScenarioResult[] = [];
  try {
    const token = await graph.tokenFor(DEMO_PINS.alice);
    await untilWhole(graph, token);
    for (const name of SUBGRAPHS) {
      for (const fault of ['killed', 'hung'] as Fault[]) {
        const target = graph.subgraphs[name].process;
        if (fault === 'killed') {
          target.child.kill('SIGKILL');
          await new Promise<void>((resolve) =>
            target.child.exitCode !== null || target.child.signalCode !== null ? resolve() : target.child.once('exit', () => resolve()),
          );
        } else target.child.kill('SIGSTOP');
        const { requests, concurrency } = load(fault);
        const answers = await dashboardLoad(graph, token, requests, concurrency, timeoutMs);
        if (fault === 'killed') await graph.restart(name);
        else target.child.kill('SIGCONT');
        await untilWhole(graph, token);
        const outcomes = outcomeOf(answers, timeoutMs, name);
        const example = answers.map((a) => leaksIn(a.body).length && a.body.slice(0, 300)).find(Boolean);
        results.push({
          name: `${name} subgraph ${fault}`,
          fault:
            fault === 'killed' ? `${name} SIGKILLed (connections refused)` : `${name} SIGSTOPped (connections accepted, never answered)`,
          load: `${requests} customer dashboards (all four subgraphs), ${concurrency} at once, client timeout ${timeoutMs / 1000} s`,
          outcomes,
          latency: latency(answers.filter((a) => a.status !== 0).map((a) => a.ms)),
          targets: [
            // Everything the other three subgraphs provide hangs off orders' root field: with orders down the
            // answer is null by construction, and what matters is that it says which subgraph failed.
            ...(name === ROOT_SUBGRAPH ? [] : [{ label: 'no data null', met: outcomes['data null'] === 0 }]),
            {
              label: 'an error names the subgraph with a stable code',
              met: outcomes['an error names the subgraph with a stable code'] === requests,
            },
            { label: 'no 5xx', met: outcomes['5xx'] === 0 },
            { label: 'every request answered', met: outcomes[`no answer within ${timeoutMs / 1000} s`] === 0 },
            { label: 'no leak', met: outcomes['responses with a leak'] === 0 },
          ],
          notes: example ? [`Example leak: \`${example.replace(/`/g, "'").replace(/\s+/g, ' ')}\``] : [],
        });
      }
    }
    return results;
  } finally {
    if (!shared) await graph.stop();
  }
}
