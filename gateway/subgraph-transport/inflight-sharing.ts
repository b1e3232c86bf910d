import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { bufferedResponse } from './subgraph-fetcher';
import { untilStopped } from './fetch-deadline';

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
  /** Fetches still waiting for the answer; the flight is cancelled when the last one stops. */
  waiting: number;
  /** Aborts the one fetch sent: only once every fetch waiting on it has stopped. */
  controller: AbortController;
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
 *
 * Each fetch waits only until its own `signal` stops it (its deadline, or its client leaving); the one
 * fetch sent is cancelled only when every fetch waiting on it has stopped. Cancelling it with the first
 * fetch's signal handed that client's departure to everyone who joined, as a subgraph failure: under
 * load a burst of disconnects then opened the subgraph's breaker for requests that were fine.
 */
export class InflightSharing {
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly onShared?: () => void) {}

  /** Fetches in flight right now (for tests and the shutdown path). */
  get size(): number {
    return this.flights.size;
  }

  /** `send` is given the flight's signal, not `signal`: several fetches may be waiting on what it sends. */
  async fetch(key: string, send: (signal: AbortSignal) => Promise<FetcherResponse>, signal?: AbortSignal): Promise<FetcherResponse> {
    const inFlight = this.flights.get(key);
    if (inFlight) {
      inFlight.joined++;
      this.onShared?.();
      const reply = await this.wait(key, inFlight, signal);
      // A flight with a joiner always settles with a copy (joined is read when the answer arrives).
      return fromSnapshot((reply as { copy: Snapshot }).copy);
    }
    const flight: Flight = { joined: 0, waiting: 0, controller: new AbortController(), reply: undefined as unknown as Flight['reply'] };
    flight.reply = send(flight.controller.signal).then(
      (response) => {
        this.forget(key, flight);
        return flight.joined === 0 ? { own: response } : snapshot(response).then((copy) => ({ copy }));
      },
      (err: unknown) => {
        this.forget(key, flight);
        throw err;
      },
    );
    this.flights.set(key, flight);
    const reply = await this.wait(key, flight, signal);
    return 'own' in reply ? reply.own : fromSnapshot(reply.copy);
  }

  /** Waits for the flight's answer until `signal` stops this fetch; the last fetch to stop cancels the flight. */
  private async wait(key: string, flight: Flight, signal: AbortSignal | undefined): Promise<Awaited<Flight['reply']>> {
    if (!signal) return flight.reply;
    flight.waiting++;
    const leave = () => {
      if (--flight.waiting > 0) return;
      // Nobody wants the answer any more: stop the fetch, and let the next identical one start afresh.
      this.forget(key, flight);
      flight.controller.abort(signal.reason);
    };
    signal.addEventListener('abort', leave, { once: true });
    try {
      return await untilStopped(flight.reply, signal);
    } finally {
      if (!signal.aborted) {
        signal.removeEventListener('abort', leave);
        flight.waiting--;
      }
    }
  }

  private forget(key: string, flight: Flight): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }
}
