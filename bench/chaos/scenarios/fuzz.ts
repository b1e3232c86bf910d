/**
 * Fuzzed requests, the kinds of mistake clients make: bad JSON, wrong content types, wrong variable
 * types, huge variables, invalid UTF-8, broken GET parameters, unknown operationName, and a few more.
 * A client's mistake must be a 4xx (or a GraphQL error in a 200), never a 5xx; the gateway must not
 * crash, and no answer may carry a stack trace, a path, a host:port or an internal error name.
 */
import { DEMO_PINS } from '../../../jd/sandbox';
import { startChaosGraph, type ChaosGraph } from '../graph';
import { latency, leaksIn, pool, send, type Answer } from '../load';
import type { Scale, ScenarioResult } from '../scenario';

type Fuzz = { kind: string; method: 'GET' | 'POST'; query?: string; headers?: Record<string, string>; body?: string | Buffer };

/** A small seeded generator (mulberry32): the same run every time. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSON_CT = { 'content-type': 'application/json' };
const ORDERS = 'query O($first: Int) { orders(first: $first) { totalCount } }';
const OFFICE = 'query F($countryCode: String!) { nearestSupportOffice(countryCode: $countryCode) { office { city } } }';
const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });

/** The generators, one per kind; each returns a fresh request. */
function generators(next: () => number): Record<string, () => Omit<Fuzz, 'kind'>> {
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const post = (body: string | Buffer, headers: Record<string, string> = JSON_CT) => ({ method: 'POST' as const, body, headers });
  return {
    'bad JSON': () =>
      post(
        pick([
          '{"query": ',
          '{query: "{ hotlines { number } }"}',
          '[',
          'null',
          '"just a string"',
          '{"query": "{ x }",}',
          '\u0000\u0001',
          '{"query":"{ hotlines { number } }"',
        ]),
      ),
    'wrong content type': () =>
      post(
        JSON.stringify({ query: '{ hotlines { number } }' }),
        pick<Record<string, string>>([
          { 'content-type': 'text/plain' },
          { 'content-type': 'application/xml' },
          { 'content-type': 'multipart/form-data; boundary=x' },
          { 'content-type': 'application/x-www-form-urlencoded' },
          {},
        ]),
      ),
    'wrong variable types': () =>
      post(
        JSON.stringify(
          pick([
            { query: ORDERS, variables: { first: pick(['abc', {}, [], 1e308, true, -1, 2 ** 40, null]) } },
            { query: OFFICE, variables: { countryCode: pick([{}, [], 42, true, null]) } },
            { query: OFFICE, variables: pick(['DE', [1], 7, 'null']) },
          ]),
        ),
      ),
    'huge variables': () =>
      post(
        JSON.stringify(
          pick([
            { query: OFFICE, variables: { countryCode: 'D'.repeat(900_000) } },
            { query: OFFICE, variables: { countryCode: 'DE', extra: deep(3000) } },
            { query: ORDERS, variables: { first: 5, list: Array.from({ length: 100_000 }, (_, i) => i) } },
            { query: OFFICE, variables: { countryCode: 'D'.repeat(2_000_000) } },
          ]),
        ),
      ),
    'invalid UTF-8': () =>
      post(
        Buffer.concat([
          Buffer.from('{"query":"{ hotlines { number'),
          Buffer.from(
            pick([
              [0xff, 0xfe],
              [0xc3, 0x28],
              [0xed, 0xa0, 0x80],
              [0xf8, 0x88, 0x80],
            ]),
          ),
          Buffer.from(' } }"}'),
        ]),
      ),
    'broken GET parameters': () => ({
      method: 'GET' as const,
      headers: { 'apollo-require-preflight': 'true' },
      query: pick([
        'query=%E0%A4%A',
        'query={ hotlines { number } }&variables={bad',
        'query={ hotlines { number } }&extensions=[]',
        'query=',
        'query={ hotlines { number } }&query={ supportChannels { kind } }',
        'variables=%7B%7D',
        'query=mutation { cancelAfterSales(id: "1") { userErrors { code } } }',
        'extensions={"persistedQuery":{"version":1,"sha256Hash":"zz"}}',
        'query={ hotlines { number } }&operationName[]=x',
        '%%%',
      ]),
    }),
    'unknown operationName': () =>
      post(
        JSON.stringify({
          query: 'query A { hotlines { number } } query B { supportChannels { kind } }',
          operationName: pick(['Nope', '', 'a'.repeat(5000)]),
        }),
      ),
    'malformed GraphQL': () =>
      post(
        JSON.stringify(
          pick([
            { query: 123 },
            { query: '{ hotlines { number }' },
            { query: `{ ${'a { '.repeat(2000)}` },
            { query: '{ noSuchField }' },
            { query: '{ hotlines { number } }', variables: 'x' },
            { query: '{ hotlines { number } }', extensions: 'x' },
            [{ query: '{ hotlines { number } }' }],
            {},
          ]),
        ),
      ),
  };
}

export async function fuzzedRequests(scale: Scale, shared?: ChaosGraph): Promise<ScenarioResult> {
  const total = scale === 'full' ? 10_000 : 160;
  const graph: ChaosGraph = shared ?? (await startChaosGraph());
  try {
    const token = await graph.tokenFor(DEMO_PINS.alice);
    const next = rng(11);
    const gens = generators(next);
    const kinds = Object.keys(gens);
    const byKind = new Map<string, { count: number; s4xx: number; s5xx: number; leaks: number }>();
    const leakKinds = new Map<string, number>();
    const examples: string[] = [];
    const exampled = new Set<string>();
    const example = (key: string, text: string) => {
      if (exampled.has(key) || examples.length >= 8) return;
      exampled.add(key);
      examples.push(text);
    };
    let crashed = false;
    const answers = await pool(total, scale === 'full' ? 40 : 20, async (i): Promise<Answer> => {
      const kind = kinds[i % kinds.length];
      const req = gens[kind]();
      const headers = { ...req.headers, ...(next() < 0.3 ? { authorization: `Bearer ${token}` } : {}) };
      const url = req.method === 'GET' ? `${graph.gatewayUrl}?${req.query ?? ''}` : graph.gatewayUrl;
      const answer = await send(url, { method: req.method, headers, body: req.body, timeoutMs: 15_000 });
      if (graph.gateway.child.exitCode !== null || graph.gateway.child.signalCode !== null) crashed = true;
      const stats = byKind.get(kind) ?? { count: 0, s4xx: 0, s5xx: 0, leaks: 0 };
      stats.count++;
      if (answer.status >= 400 && answer.status < 500) stats.s4xx++;
      if (answer.status >= 500) {
        stats.s5xx++;
        example(
          `${kind} ${answer.status}`,
          `${kind} → ${answer.status} \`${answer.body.slice(0, 160).replace(/\s+/g, ' ').replace(/`/g, "'")}\``,
        );
      }
      const leaks = leaksIn(answer.body);
      if (leaks.length) {
        stats.leaks++;
        for (const l of leaks) leakKinds.set(l, (leakKinds.get(l) ?? 0) + 1);
        example(
          `${kind} leak`,
          `${kind} → leak (${leaks.join(', ')}): \`${answer.body.slice(0, 200).replace(/\s+/g, ' ').replace(/`/g, "'")}\``,
        );
      }
      byKind.set(kind, stats);
      return answer;
    });
    const s5xx = answers.filter((a) => a.status >= 500).length;
    const leaks = answers.filter((a) => leaksIn(a.body).length > 0).length;
    const unanswered = answers.filter((a) => a.status <= 0).length;
    return {
      name: `${total.toLocaleString('en')} fuzzed requests`,
      fault: 'client mistakes: ' + kinds.join(', '),
      load: `${total.toLocaleString('en')} requests, an equal share of each kind (seeded), ${scale === 'full' ? 40 : 20} at once, 30% with a customer token; production mode`,
      outcomes: {
        requests: total,
        '2xx': answers.filter((a) => a.status >= 200 && a.status < 300).length,
        '4xx': answers.filter((a) => a.status >= 400 && a.status < 500).length,
        '5xx': s5xx,
        'no answer (connection failed or 15 s timeout)': unanswered,
        'gateway crashes': crashed ? 1 : 0,
        'responses with a leak': leaks,
      },
      latency: latency(answers.filter((a) => a.status > 0).map((a) => a.ms)),
      targets: [
        { label: '5xx = 0', met: s5xx === 0 },
        { label: 'crashes = 0', met: !crashed },
        { label: 'leaks = 0', met: leaks === 0 },
      ],
      notes: [
        `Per kind (requests / 4xx / 5xx / leaks): ${[...byKind].map(([k, v]) => `${k} ${v.count}/${v.s4xx}/${v.s5xx}/${v.leaks}`).join('; ')}.`,
        ...(leakKinds.size ? [`Leaks by kind: ${[...leakKinds].map(([k, n]) => `${k} ×${n}`).join(', ')}.`] : []),
        ...examples.map((e) => `Example: ${e}`),
      ],
    };
  } finally {
    if (!shared) await graph.stop();
  }
}
