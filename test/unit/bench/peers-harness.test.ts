/**
 * The peers bench's own logic, without the peers installed: option parsing, the answer comparison that
 * gates every run, the wrk script, the per-request figures, and the identity signing the peers use
 * (it must stay acceptable to the subgraphs: when the contract changes, bench/peers/identity-contract.ts must follow).
 */
import { verifyIdentity } from '../../../subgraphs/kit';
import { compareAnswers, maskVolatile, VOLATILE_MARK } from '../../../bench/peers/answers';
import { identityKeyHeaders, signedIdentityHeaders } from '../../../bench/peers/identity-contract';
import { parsePeersOptions } from '../../../bench/peers/options';
import { aggregate, ratio, type RunSample } from '../../../bench/peers/summary';
import { completedBetween, luaString, wrkScript } from '../../../bench/peers/wrk';

describe('parsePeersOptions', () => {
  it('defaults to 3 rounds of 8 s at -c32 and -c1 over every target and workload', () => {
    const o = parsePeersOptions(undefined, {});
    expect(o).toMatchObject({
      rounds: 3,
      seconds: 8,
      connections: [32, 1],
      targets: ['ours', 'hive', 'hive-rust', 'direct'],
      workloads: ['dashboard', 'directory', 'exchange-quote', 'persisted-get'],
      quick: false,
    });
  });

  it('--quick shortens runs, and an explicit --rounds still wins', () => {
    expect(parsePeersOptions(undefined, { quick: true })).toMatchObject({ rounds: 1, seconds: 2, quick: true });
    expect(parsePeersOptions(4, { quick: true, seconds: '3' })).toMatchObject({ rounds: 4, seconds: 3 });
  });

  it("keeps the canonical order and always measures ours, the ratios' reference", () => {
    expect(parsePeersOptions(undefined, { targets: 'hive-rust,hive' }).targets).toEqual(['ours', 'hive', 'hive-rust']);
    expect(parsePeersOptions(undefined, { workloads: 'directory', connections: '16,1' })).toMatchObject({
      workloads: ['directory'],
      connections: [16, 1],
    });
  });

  it('reads --ours-env as NAME=value pairs', () => {
    expect(parsePeersOptions(undefined, { 'ours-env': 'GATEWAY_WORKERS=2,APQ=false' }).oursEnv).toEqual({
      GATEWAY_WORKERS: '2',
      APQ: 'false',
    });
  });

  it('adds ours at a baseline commit and ours with variant settings only when asked for', () => {
    const o = parsePeersOptions(undefined, { baseline: 'main~2', 'variant-env': 'GATEWAY_WORKERS=2', targets: 'hive-rust' });
    expect(o).toMatchObject({ baseline: 'main~2', variantEnv: { GATEWAY_WORKERS: '2' }, targets: ['ours', 'hive-rust'] });
    expect(parsePeersOptions(undefined, { baseline: 'main~2', 'variant-env': 'GATEWAY_WORKERS=2' }).targets).toEqual([
      'ours',
      'base',
      'variant',
      'hive',
      'hive-rust',
      'direct',
    ]);
    expect(parsePeersOptions(undefined, { baseline: 'abc123', targets: 'base' }).targets).toEqual(['ours', 'base']);
    expect(parsePeersOptions(undefined, { targets: 'base,variant' }).targets).toEqual(['ours']);
  });

  it('refuses what it cannot use, saying what to fix', () => {
    expect(() => parsePeersOptions(undefined, { baseline: 'x; rm -rf /' })).toThrow('--baseline takes a git commit or ref');
    expect(() => parsePeersOptions(undefined, { 'variant-env': 'x' })).toThrow('--variant-env takes NAME=value');
    expect(() => parsePeersOptions(undefined, { seconds: '0' })).toThrow('--seconds must be a whole number from 1 to 50');
    expect(() => parsePeersOptions(undefined, { targets: 'ours,apollo-router' })).toThrow('unknown "apollo-router"');
    expect(() => parsePeersOptions(undefined, { 'ours-env': 'lower=1' })).toThrow('NAME=value');
    expect(() => parsePeersOptions(undefined, { fast: true })).toThrow('unknown option --fast');
  });
});

describe('compareAnswers', () => {
  const answer = (from: string, body: unknown, status = 200) => ({
    from,
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('treats the same data with another key order as identical, and says whether the bytes matched', () => {
    const verdicts = compareAnswers(
      [
        answer('ours', '{"data":{"a":1,"b":[{"x":1,"y":2}]}}\n'),
        answer('hive', { data: { b: [{ y: 2, x: 1 }], a: 1 } }),
        answer('hive-rust', '{"data":{"a":1,"b":[{"x":1,"y":2}]}}'),
      ],
      [],
    );
    expect(verdicts.map((v) => [v.from, v.identical, v.byteIdentical])).toEqual([
      ['ours', true, true],
      ['hive', true, false],
      ['hive-rust', true, true],
    ]);
  });

  it('reports the first differing field, including a list in another order', () => {
    const [, hive] = compareAnswers(
      [
        answer('ours', { data: { offices: [{ id: 'a' }, { id: 'b' }] } }),
        answer('hive', { data: { offices: [{ id: 'b' }, { id: 'a' }] } }),
      ],
      [],
    );
    expect(hive.identical).toBe(false);
    expect(hive.problem).toContain('data.offices[0].id: "a" vs "b"');
  });

  it('masks only the declared volatile fields', () => {
    const q = (id: string, city: string) => ({ data: { exchangeQuote: { id, quotedAt: id, options: [{ city }] } } });
    const volatile = [
      ['data', 'exchangeQuote', 'id'],
      ['data', 'exchangeQuote', 'quotedAt'],
    ];
    expect(compareAnswers([answer('ours', q('t1', 'x')), answer('hive', q('t2', 'x'))], volatile)[1].identical).toBe(true);
    expect(compareAnswers([answer('ours', q('t1', 'x')), answer('hive', q('t2', 'y'))], volatile)[1].identical).toBe(false);
    expect(maskVolatile({ a: [{ b: 1 }, { b: 2 }] }, [['a', '*', 'b']])).toEqual({ a: [{ b: VOLATILE_MARK }, { b: VOLATILE_MARK }] });
  });

  it("leaves each gateway's extensions out (ours carries its demand-control estimate), but not a difference in data", () => {
    const ours = { data: { a: 1 }, extensions: { cost: { estimated: 3, max: 300, mode: 'enforce' } } };
    expect(compareAnswers([answer('ours', ours), answer('hive', { data: { a: 1 } })], [])[1].identical).toBe(true);
    expect(compareAnswers([answer('ours', ours), answer('hive', { data: { a: 2 } })], [])[1].identical).toBe(false);
  });

  it('fails GraphQL errors and non-200 answers even when every target agrees', () => {
    const errors = { data: null, errors: [{ message: 'boom' }] };
    const verdicts = compareAnswers([answer('ours', errors), answer('hive', errors)], []);
    expect(verdicts.every((v) => !v.identical)).toBe(true);
    expect(compareAnswers([answer('ours', { data: { a: 1 } }, 503)], [])[0].problem).toContain('HTTP 503');
  });
});

describe('wrk script', () => {
  it('quotes bodies byte for byte as Lua strings', () => {
    expect(luaString('{"q":"a\\nb"}\n')).toBe('"{\\"q\\":\\"a\\\\nb\\"}\\n"');
  });

  it('counts the answers between two wall-clock seconds from the per-second marks', () => {
    const result = { requests: 100, completedBefore: { '1000': 0, '1001': 20, '1003': 55, '1004': 80 } };
    expect(completedBetween(result, 1001, 1004)).toBe(60);
    // 1002 had no answer: its count is the next marked second's.
    expect(completedBetween(result, 1002, 1003)).toBe(0);
    // After the last mark: the total.
    expect(completedBetween(result, 1003, 1009)).toBe(45);
  });

  it('sets method, body and headers, and checks every answer', () => {
    const script = wrkScript({
      method: 'POST',
      url: 'http://127.0.0.1:1/graphql',
      headers: { authorization: 'Bearer t' },
      body: '{"query":"{ a }"}',
    });
    expect(script).toContain('wrk.method = "POST"');
    expect(script).toContain('wrk.body = "{\\"query\\":\\"{ a }\\"}"');
    expect(script).toContain('wrk.headers["authorization"] = "Bearer t"');
    expect(script).toContain('status ~= 200');
    expect(script).toContain('WRK_RESULT');
  });
});

describe('per-request figures', () => {
  const sample = (requests: number, gatewayCpuMs: number, fetches: number, rps: number): RunSample => ({
    workload: 'dashboard',
    target: 'ours',
    connections: 32,
    round: 1,
    windowSeconds: 5,
    windowRequests: requests,
    gatewayCpuMs,
    subgraphCpuMs: gatewayCpuMs / 2,
    subgraphFetches: { orders: fetches },
    wrk: {
      requests: requests + 64,
      durationUs: 8e6,
      requestsPerSecond: rps,
      p50Ms: 1,
      p90Ms: 2,
      p99Ms: 3,
      maxMs: 4,
      socketErrors: 0,
      timeouts: 0,
      badAnswers: 0,
      completedBefore: {},
    },
  });

  it('takes medians over rounds and divides by the answers completed in the measuring window', () => {
    const a = aggregate([sample(100, 500, 400, 10), sample(300, 600, 600, 30), sample(200, 300, 200, 20)]);
    expect(a).toMatchObject({ rps: 20, rpsMin: 10, rpsMax: 30, gatewayCpuPerReq: 2, fetchesPerReq: 2 });
  });

  it('gives no per-request figure for a run that completed nothing', () => {
    expect(aggregate([sample(0, 500, 40, 0)]).gatewayCpuPerReq).toBeNaN();
    expect(ratio(NaN, 2)).toBe('—');
    expect(ratio(3, 2)).toBe('1.50×');
  });
});

describe('identity signing of the peers', () => {
  it('signs headers the subgraphs accept, for a customer and for anonymous', () => {
    const secret = 'peers-bench-test-secret';
    const orders = { subgraph: 'orders', body: '{"query":"{ a }"}' };
    const customer = signedIdentityHeaders(secret, { identity: { kind: 'customer', pin: 'jd_demo_alice' }, ...orders });
    expect(verifyIdentity(customer, secret, orders)).toEqual({ kind: 'customer', pin: 'jd_demo_alice' });
    const offices = { subgraph: 'offices', body: '{}' };
    const anonymous = signedIdentityHeaders(secret, { identity: { kind: 'anonymous' }, ...offices });
    expect(verifyIdentity(anonymous, secret, offices)).toEqual({ kind: 'anonymous' });
    expect(() => verifyIdentity(customer, 'another-secret', orders)).toThrow();
    // Bound like the gateway's: not valid at another subgraph, nor with another body.
    expect(() => verifyIdentity(customer, secret, { ...orders, subgraph: 'offices' })).toThrow(/signature/);
    expect(() => verifyIdentity(customer, secret, { ...orders, body: '{"query":"{ b }"}' })).toThrow(/signature/);
  });

  it('keys shared fetches on the caller: the same header the signature covers, different for each customer', () => {
    const alice = { kind: 'customer' as const, pin: 'jd_demo_alice' };
    const signed = signedIdentityHeaders('s', { identity: alice, subgraph: 'orders', body: '{}' });
    expect(identityKeyHeaders(alice)).toEqual({ 'x-jd-identity': signed['x-jd-identity'] });
    expect(identityKeyHeaders({ kind: 'customer', pin: 'jd_demo_bob' })).not.toEqual(identityKeyHeaders(alice));
    expect(identityKeyHeaders(alice)).toEqual(identityKeyHeaders({ ...alice }));
  });
});
