/** A recording fake of JD's router for client tests: every request is parsed and kept for assertions. */
import { responseKey } from '../../../jd/protocol';

export interface RecordedRequest {
  url: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  /** `360buy_param_json`, parsed. */
  params: unknown;
  httpMethod: string;
  contentType: string;
  signal: AbortSignal | undefined;
  /** Date.now() when the request left (under fake timers: exact, so gaps are the client's waits). */
  at: number;
}

export type FakeAnswer = Response | Error | 'hang';
export type FakeHandler = (request: RecordedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>;

/** `[fetch, calls]`: a fetch that records what was sent and answers with `handler`. */
export function recordingFetch(handler: FakeHandler): [typeof fetch, RecordedRequest[]] {
  const calls: RecordedRequest[] = [];
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const form = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
    const recorded: RecordedRequest = {
      url: url.toString(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      form,
      params: form['360buy_param_json'] === undefined ? undefined : JSON.parse(form['360buy_param_json']),
      httpMethod: init?.method ?? 'GET',
      contentType: (init?.headers as Record<string, string> | undefined)?.['content-type'] ?? '',
      signal: init?.signal ?? undefined,
      at: Date.now(),
    };
    calls.push(recorded);
    const answer = await handler(recorded, calls.length - 1);
    if (answer === 'hang') {
      // Like a real fetch: never answers, but rejects once the request is aborted.
      return new Promise<Response>((_, reject) => {
        recorded.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return [fakeFetch as typeof fetch, calls];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A successful `<method>_responce` envelope with code "0". */
export const jdOk = (method: string, payload: object = {}) => json({ [responseKey(method)]: { code: '0', ...payload } });
/** JD's router error envelope. */
export const jdError = (code: string, zh = '', en = '') => json({ error_response: { code, zh_desc: zh, en_desc: en } });
/** An after-sales wrapper with a business result code. */
export const afsResult = (method: string, resultCode: number, resultComment: string, extra: object = {}) =>
  jdOk(method, { resultCode, resultComment, ...extra });
export const httpStatus = (status: number, body = '<html>Bad Gateway</html>') => new Response(body, { status });

/** 2024-01-01T19:04:05Z: 2024-01-02 03:04:05 in Shanghai. */
export const FAKE_START = Date.UTC(2024, 0, 1, 19, 4, 5);

/**
 * Jest fake timers from FAKE_START, and Math.random() = 0.5 so every jitter lands mid-range. The
 * policies (cockatiel, the limiter) read Date.now and setTimeout, so this makes them deterministic.
 * Undo with `restoreTime()`.
 */
export function fakeTime(start = FAKE_START): void {
  // Promise and stream internals (Response.text) keep their real microtask queues.
  jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'queueMicrotask'] });
  jest.spyOn(Math, 'random').mockReturnValue(0.5);
}

export function restoreTime(): void {
  jest.useRealTimers();
  jest.restoreAllMocks();
}

/** Runs the fake timers until nothing is pending, then hands back `work` to assert on. */
export async function settle<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined); // asserted by the caller; an early rejection is not an unhandled one
  await jest.runAllTimersAsync();
  return work;
}

export const SANDBOX_LIKE = {
  apiUrl: 'http://127.0.0.1:4010/routerjson',
  appKey: 'testappkey',
  appSecret: 'testsecret',
  accessToken: 'testtoken',
};
