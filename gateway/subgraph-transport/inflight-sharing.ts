import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { bufferedResponse } from './subgraph-fetcher';

/**
 * Headers that differ from one request to the next without changing the subgraph's answer: the
 * signature's timestamp and HMAC, the request id, the trace context and the time budget. They are
 * left out of the sharing key; every other header the fetch carries is part of it, so a header that
 * may change the answer (identity, accept-language, …) keeps fetches apart unless named here.
 */
const PER_REQUEST_HEADERS = new Set([
  'x-jd-identity-ts',
  'x-jd-identity-sig',
  'x-request-id',
  'traceparent',
  'tracestate',
  'x-deadline-ms',
]);

/**
 * The key under which identical fetches share one answer: the verified identity (as the gateway
 * knows it, never read back from a header), the URL, the exact body (operation and variables) and
 * every header but the per-request ones above.
 */
export function sharingKey(verifiedIdentity: string, url: string, init: FetcherRequestInit): string {
  const headers = init.headers ?? {};
  const kept = Object.keys(headers)
    .filter((name) => !PER_REQUEST_HEADERS.has(name.toLowerCase()))
    .sort()
    .map((name) => [name.toLowerCase(), headers[name]]);
  return JSON.stringify([verifiedIdentity, init.method ?? 'GET', url, String(init.body ?? ''), kept]);
}

interface Snapshot {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

interface Flight {
  /** Fetches that joined this one instead of being sent. */
  joined: number;
  /** The leader's own response when nobody joined; otherwise a copy everyone reads from. */
  reply: Promise<{ own: FetcherResponse } | { copy: Snapshot }>;
}

async function snapshot(response: FetcherResponse): Promise<Snapshot> {
  return {
    url: response.url,
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: Buffer.from(await response.arrayBuffer()),
  };
}

const fromSnapshot = (s: Snapshot): FetcherResponse => bufferedResponse(s.url, s.status, s.statusText, s.headers, s.body);

/**
 * De-duplicates identical subgraph fetches while they are in flight: the first is sent, the ones that
 * arrive before its answer wait for it, and each gets its own Response over the same bytes (Apollo
 * Gateway merges fetched data into the request's result in place, so parsed objects are never shared).
 * Nothing is kept once the answer is in: this is not a cache. A failure is every waiter's failure.
 * The caller decides what may be shared (queries only) and builds the key with `sharingKey`.
 */
export class InflightSharing {
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly onShared?: () => void) {}

  /** Fetches in flight right now (for tests and the shutdown path). */
  get size(): number {
    return this.flights.size;
  }

  async fetch(key: string, send: () => Promise<FetcherResponse>): Promise<FetcherResponse> {
    const inFlight = this.flights.get(key);
    if (inFlight) {
      inFlight.joined++;
      this.onShared?.();
      const reply = await inFlight.reply;
      // A flight with a joiner always settles with a copy (joined is read when the answer arrives).
      return fromSnapshot((reply as { copy: Snapshot }).copy);
    }
    const flight: Flight = { joined: 0, reply: undefined as unknown as Flight['reply'] };
    flight.reply = send().then(
      (response) => {
        this.flights.delete(key);
        return flight.joined === 0 ? { own: response } : snapshot(response).then((copy) => ({ copy }));
      },
      (err: unknown) => {
        this.flights.delete(key);
        throw err;
      },
    );
    this.flights.set(key, flight);
    const reply = await flight.reply;
    return 'own' in reply ? reply.own : fromSnapshot(reply.copy);
  }
}
