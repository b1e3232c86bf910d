import type { FetcherResponse } from '@apollo/utils.fetcher';
import { InflightSharing, sharingKey } from '../../../gateway/subgraph-transport/inflight-sharing';
import { bufferedResponse } from '../../../gateway/subgraph-transport/subgraph-fetcher';

const ALICE = '{"kind":"customer","pin":"jd_demo_alice"}';
const BOB = '{"kind":"customer","pin":"jd_demo_bob"}';
const URL = 'http://127.0.0.1:4001/graphql';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const answer = (body: string) =>
  bufferedResponse(
    URL,
    200,
    'OK',
    [
      ['content-type', 'application/json'],
      ['cache-control', 'max-age=60, public'],
    ],
    Buffer.from(body),
  );

describe('sharingKey', () => {
  const init = (headers: Record<string, string>, body = '{"query":"{ a }"}') => ({ method: 'POST', headers, body });

  it('ignores the signature, its timestamp, the request id, the trace context and the deadline', () => {
    const a = sharingKey(
      ALICE,
      URL,
      init({ 'x-jd-identity': 'p', 'x-jd-identity-ts': '1', 'x-jd-identity-sig': 's1', 'x-request-id': 'r1' }),
    );
    const b = sharingKey(
      ALICE,
      URL,
      init({
        'x-jd-identity-sig': 's2',
        'x-jd-identity-ts': '2',
        'x-jd-identity': 'p',
        'x-request-id': 'r2',
        traceparent: 't',
        'x-deadline-ms': '900',
      }),
    );
    expect(a).toBe(b);
  });

  it('differs by verified identity, URL, body and any other header', () => {
    const base = sharingKey(ALICE, URL, init({ 'accept-language': 'zh' }));
    expect(sharingKey(BOB, URL, init({ 'accept-language': 'zh' }))).not.toBe(base);
    expect(sharingKey(ALICE, 'http://127.0.0.1:4002/graphql', init({ 'accept-language': 'zh' }))).not.toBe(base);
    expect(sharingKey(ALICE, URL, init({ 'accept-language': 'zh' }, '{"query":"{ b }"}'))).not.toBe(base);
    expect(sharingKey(ALICE, URL, init({ 'accept-language': 'en' }))).not.toBe(base);
  });
});

describe('InflightSharing', () => {
  it('sends once for fetches that arrive while the first is in flight; each reads its own copy', async () => {
    let shared = 0;
    const sharing = new InflightSharing(() => shared++);
    const reply = deferred<FetcherResponse>();
    let sent = 0;
    const send = () => (sent++, reply.promise);
    const fetches = [sharing.fetch('k', send), sharing.fetch('k', send), sharing.fetch('k', send)];
    expect(sharing.size).toBe(1);
    reply.resolve(answer('{"data":{"a":1}}'));
    const responses = await Promise.all(fetches);
    expect(sent).toBe(1);
    expect(shared).toBe(2);
    expect(new Set(responses).size).toBe(3);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies).toEqual([{ data: { a: 1 } }, { data: { a: 1 } }, { data: { a: 1 } }]);
    expect(bodies[0]).not.toBe(bodies[1]);
    expect(responses.map((r) => [r.status, r.url, r.headers.get('cache-control')])).toEqual(
      Array(3).fill([200, URL, 'max-age=60, public']),
    );
    expect(sharing.size).toBe(0);
  });

  it('hands the sender its own response when nobody joined', async () => {
    const sharing = new InflightSharing();
    const own = answer('{"data":{}}');
    expect(await sharing.fetch('k', async () => own)).toBe(own);
  });

  it('keeps different keys apart and forgets a key once its answer is in', async () => {
    const sharing = new InflightSharing();
    let sent = 0;
    const send = async () => (sent++, answer('{"data":{}}'));
    await Promise.all([sharing.fetch('a', send), sharing.fetch('b', send)]);
    await sharing.fetch('a', send);
    expect(sent).toBe(3);
  });

  it('gives every waiter the failure of the one fetch sent, then sends again', async () => {
    const sharing = new InflightSharing();
    const reply = deferred<FetcherResponse>();
    const fetches = [sharing.fetch('k', () => reply.promise), sharing.fetch('k', () => reply.promise)];
    reply.reject(new Error('ECONNRESET'));
    expect(await Promise.allSettled(fetches)).toEqual([
      { status: 'rejected', reason: new Error('ECONNRESET') },
      { status: 'rejected', reason: new Error('ECONNRESET') },
    ]);
    expect(sharing.size).toBe(0);
    expect((await sharing.fetch('k', async () => answer('{"data":{}}'))).status).toBe(200);
  });

  it("keeps the fetch sent going while anyone still waits: the first fetch's client leaving fails only that fetch", async () => {
    const sharing = new InflightSharing();
    const reply = deferred<FetcherResponse>();
    let sentWith: AbortSignal | undefined;
    const first = new AbortController();
    const second = new AbortController();
    const send = (signal: AbortSignal) => ((sentWith = signal), reply.promise);
    const fetches = [sharing.fetch('k', send, first.signal), sharing.fetch('k', send, second.signal)];
    first.abort(new Error('the client closed the connection'));
    expect(sentWith?.aborted).toBe(false);
    reply.resolve(answer('{"data":{"a":1}}'));
    const [own, joined] = await Promise.allSettled(fetches);
    expect(own).toEqual({ status: 'rejected', reason: new Error('the client closed the connection') });
    expect(joined.status === 'fulfilled' && (await joined.value.json())).toEqual({ data: { a: 1 } });
  });

  it('cancels the fetch sent once every fetch waiting on it has stopped, and sends afresh for the next one', async () => {
    const sharing = new InflightSharing();
    const signals: AbortSignal[] = [];
    const hang = (signal: AbortSignal) => (signals.push(signal), new Promise<FetcherResponse>(() => undefined));
    const a = new AbortController();
    const b = new AbortController();
    const fetches = [sharing.fetch('k', hang, a.signal), sharing.fetch('k', hang, b.signal)];
    a.abort(new Error('deadline'));
    expect(signals[0].aborted).toBe(false);
    b.abort(new Error('gone'));
    expect(signals[0].aborted).toBe(true);
    expect((await Promise.allSettled(fetches)).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(sharing.size).toBe(0);
    expect((await sharing.fetch('k', async () => answer('{"data":{}}'), new AbortController().signal)).status).toBe(200);
    expect(signals).toHaveLength(1);
  });
});
