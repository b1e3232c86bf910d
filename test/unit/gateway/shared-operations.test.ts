import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import pino from 'pino';
import { context, trace } from '@opentelemetry/api';
import { startInMemoryTracing } from '../../support/in-memory-tracing';
import type { GatewayContext } from '../../../gateway/context';
import { shareIdenticalOperations, WriteEpochs } from '../../../gateway/operation-sharing';
import { flightCachePolicy } from '../../../gateway/operation-sharing/flight-cache-policy';
import { noteSubgraphStaleness, staleAnswersPlugin } from '../../../gateway/staleness/stale-answers';

type Request = GatewayGraphQLRequestContext<GatewayContext>;

const ALICE = { kind: 'customer', pin: 'jd_demo_alice' } as GatewayContext['identity'];
const BOB = { kind: 'customer', pin: 'jd_demo_bob' } as GatewayContext['identity'];

/** A request as Apollo Server hands it to the gateway's executor. */
function request(
  options: { identity?: GatewayContext['identity']; kind?: 'query' | 'mutation'; variables?: object; deadline?: number } = {},
) {
  const controller = new AbortController();
  const context: GatewayContext = {
    identity: options.identity ?? ALICE,
    requestId: `r-${Math.random()}`,
    log: pino({ level: 'silent' }),
    deadline: options.deadline ?? Date.now() + 10_000,
    signal: controller.signal,
  };
  const req = {
    request: { query: '{ q }', variables: options.variables },
    queryHash: 'hash-of-q',
    operationName: undefined,
    operation: { operation: options.kind ?? 'query' },
    context,
    overallCachePolicy: flightCachePolicy(),
  } as unknown as Request;
  return { req, context, stop: (why = 'gone') => controller.abort(new Error(why)) };
}

/** An executor the test answers by hand, recording the request context of each run. */
function manualExecutor() {
  const runs: { req: Request; answer(result: GatewayExecutionResult): void }[] = [];
  const executor = (req: Request) => new Promise<GatewayExecutionResult>((resolve) => runs.push({ req, answer: resolve }));
  return { runs, executor: executor as (r: GatewayGraphQLRequestContext) => Promise<GatewayExecutionResult> };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('shareIdenticalOperations', () => {
  it('runs identical queries of one caller once, each request getting its own copy of the result', async () => {
    const { runs, executor } = manualExecutor();
    let shared = 0;
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs(), onShared: () => shared++ });
    const answers = [request(), request(), request()].map(({ req }) => share(req));
    await settle();
    expect(runs).toHaveLength(1);
    expect(shared).toBe(2);
    runs[0].answer({ data: { q: 1 }, extensions: { note: 'x' } });
    const results = await Promise.all(answers);
    expect(results.map((r) => r.data)).toEqual([{ q: 1 }, { q: 1 }, { q: 1 }]);
    expect(new Set(results).size).toBe(3);
    expect(new Set(results.map((r) => r.extensions)).size).toBe(3);
  });

  it('keeps callers, variables and mutations apart, and shares nothing when turned off', async () => {
    const { runs, executor } = manualExecutor();
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs() });
    void share(request().req);
    void share(request({ identity: BOB }).req);
    void share(request({ variables: { a: 1 } }).req);
    void share(request({ kind: 'mutation' }).req);
    void share(request({ kind: 'mutation' }).req);
    await settle();
    expect(runs).toHaveLength(5);

    const off = manualExecutor();
    const unshared = shareIdenticalOperations(off.executor, { shareQueries: false, epochs: new WriteEpochs() });
    void unshared(request().req);
    void unshared(request().req);
    await settle();
    expect(off.runs).toHaveLength(2);
  });

  it("moves the caller's write epoch at a mutation's start and end, so later queries never join earlier runs", async () => {
    const { runs, executor } = manualExecutor();
    const epochs = new WriteEpochs();
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs });
    const alice = JSON.stringify({ kind: 'customer', pin: 'jd_demo_alice' });
    void share(request().req);
    const write = share(request({ kind: 'mutation' }).req);
    await settle();
    void share(request().req); // during the write
    await settle();
    runs[1].answer({ data: { m: true } });
    await write;
    void share(request().req); // after the write
    void share(request({ identity: BOB }).req);
    void share(request({ identity: BOB }).req); // bob wrote nothing: still shared
    await settle();
    expect(runs.map((r) => r.req.operation?.operation)).toEqual(['query', 'mutation', 'query', 'query', 'query']);
    expect(epochs.of(alice)).toBe(2);
  });

  it('runs with its own cache policy and context, and hands both to every request', async () => {
    const { runs, executor } = manualExecutor();
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs() });
    const [first, second] = [request(), request()];
    second.req.overallCachePolicy.restrict({ scope: 'PRIVATE' });
    const answers = [share(first.req), share(second.req)];
    await settle();
    const run = runs[0].req;
    expect(run.context).not.toBe(first.context);
    expect(run.overallCachePolicy).not.toBe(first.req.overallCachePolicy);
    // What a subgraph's answer says lands on the run: a max-age, and a stale JD answer.
    run.overallCachePolicy.restrict({ maxAge: 30, scope: 'PUBLIC' });
    noteSubgraphStaleness(run.context, { staleness: { oldestAgeMs: 4500 } });
    runs[0].answer({ data: { q: 1 } });
    await Promise.all(answers);
    expect([first.req.overallCachePolicy.maxAge, first.req.overallCachePolicy.scope]).toEqual([30, 'PUBLIC']);
    expect([second.req.overallCachePolicy.maxAge, second.req.overallCachePolicy.scope]).toEqual([30, 'PRIVATE']);

    const hooks = await staleAnswersPlugin().requestDidStart!({} as never);
    for (const { context } of [first, second]) {
      const response = { body: { kind: 'single', singleResult: { data: {} } }, http: { headers: new Map<string, string>() } };
      const policy = flightCachePolicy();
      await (hooks as { willSendResponse: (x: unknown) => Promise<void> }).willSendResponse({
        contextValue: context,
        response,
        overallCachePolicy: policy,
      });
      expect(response.body.singleResult).toEqual({ data: {}, extensions: { staleness: { oldestAgeMs: 4500 } } });
      expect(response.http.headers.get('age')).toBe('4');
    }
  });

  it('lets a request that stops while others wait answer on its own; the last to stop stops the run and takes what it had', async () => {
    const { runs, executor } = manualExecutor();
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs() });
    const now = Date.now();
    const [a, b, c] = [request({ deadline: now + 10_000 }), request({ deadline: now + 10_800 }), request({ deadline: now + 10_400 })];
    const answers = [a, b, c].map(({ req }) => share(req));
    await settle();
    const run = runs[0].req.context;
    expect(run.deadline).toBe(now + 10_800);
    a.stop();
    await settle();
    // a runs again on its own context (already stopped); the shared run goes on for b and c.
    expect(runs).toHaveLength(2);
    expect(runs[1].req.context).toBe(a.context);
    expect(run.signal.aborted).toBe(false);
    b.stop();
    await settle();
    expect(runs).toHaveLength(3);
    expect(run.signal.aborted).toBe(false);
    c.stop();
    await settle();
    // c was the last: the run is stopped, and c waits for what it answers (its fetches end at once).
    expect(run.signal.aborted).toBe(true);
    expect(runs).toHaveLength(3);
    runs[0].answer({ data: { partial: true } });
    runs[1].answer({ data: null });
    runs[2].answer({ data: null });
    expect((await Promise.all(answers)).map((r) => r.data)).toEqual([null, null, { partial: true }]);
    // The stopped run is forgotten: the next identical request starts afresh.
    void share(request().req);
    await settle();
    expect(runs).toHaveLength(4);
  });

  it('runs a request that is already stopped on its own, and a run that fails after everyone left goes unnoticed', async () => {
    const { runs, executor } = manualExecutor();
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs() });
    const stopped = request();
    stopped.stop();
    void share(stopped.req);
    void share(request().req);
    await settle();
    expect(runs.map((r) => r.req.context === stopped.context)).toEqual([true, false]);

    const failing = shareIdenticalOperations(() => Promise.reject(new Error('boom')), { shareQueries: true, epochs: new WriteEpochs() });
    const leaving = request();
    const answer = failing(leaving.req);
    leaving.stop();
    await expect(answer).rejects.toThrow('boom'); // its own run, already stopped, fails the same way
    await settle();
  });

  it('marks a request that took another’s run in its trace, linked to the trace that holds the fetches', async () => {
    const tracing = startInMemoryTracing('gateway-test');
    try {
      const { runs, executor } = manualExecutor();
      const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs() });
      const tracer = trace.getTracer('test');
      const [first, second] = [tracer.startSpan('first request'), tracer.startSpan('second request')];
      const answers = [first, second].map((span) => context.with(trace.setSpan(context.active(), span), () => share(request().req)));
      await settle();
      runs[0].answer({ data: { q: 1 } });
      await Promise.all(answers);
      first.end();
      second.end();
      const [firstDone, secondDone] = ['first request', 'second request'].map((name) =>
        tracing.exporter.getFinishedSpans().find((s) => s.name === name)!,
      );
      expect(firstDone.attributes['gateway.operation.shared']).toBeUndefined();
      expect(secondDone.attributes['gateway.operation.shared']).toBe(true);
      expect(secondDone.links.map((l) => l.context.spanId)).toEqual([first.spanContext().spanId]);
    } finally {
      await tracing.stop();
    }
  });

  it('lets a request join only a run that started with at least its own time, give or take a second', async () => {
    const { runs, executor } = manualExecutor();
    const share = shareIdenticalOperations(executor, { shareQueries: true, epochs: new WriteEpochs() });
    const now = Date.now();
    // A client with a 300 ms timeout starts the run; a patient caller must not inherit that deadline.
    void share(request({ deadline: now + 300 }).req);
    void share(request({ deadline: now + 15_000 }).req);
    await settle();
    expect(runs).toHaveLength(2);
    // A run with the usual budget takes a hurried request, and one whose time differs by under a second.
    void share(request({ deadline: now + 15_000, variables: { b: 1 } }).req);
    void share(request({ deadline: now + 300, variables: { b: 1 } }).req);
    void share(request({ deadline: now + 15_800, variables: { b: 1 } }).req);
    await settle();
    expect(runs).toHaveLength(3);
  });
});
