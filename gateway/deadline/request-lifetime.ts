import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header a client may send to shorten its request's deadline: whole milliseconds, e.g. `timeout: 2000`. */
export const CLIENT_TIMEOUT_HEADER = 'timeout';

const WHOLE_MS = /^\d{1,9}$/;

/**
 * The client's own time budget, when it sent a sane one (a positive whole number of milliseconds).
 * Anything else is ignored rather than refused: the gateway's own deadline still applies.
 */
export function clientTimeoutMs(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value || !WHOLE_MS.test(value)) return undefined;
  const ms = Number(value);
  return ms > 0 ? ms : undefined;
}

/** Why a request's signal aborted. */
export class RequestStoppedError extends Error {
  constructor(readonly why: 'disconnected' | 'deadline') {
    super(why === 'disconnected' ? 'the client closed the connection before the answer' : "the request's deadline passed");
    this.name = 'RequestStoppedError';
  }
}

/** When a request's answer stops being wanted, and the signal that says so. */
export interface RequestLifetime {
  /** Epoch ms (Date.now clock). */
  deadline: number;
  /** Aborts at the deadline, or as soon as the client disconnects. */
  signal: AbortSignal;
}

/**
 * One request's deadline (the gateway's REQUEST_TIMEOUT_MS, shortened by the client's `timeout` header)
 * and a signal that aborts at it or when the client goes away, so every subgraph fetch, and through the
 * budget header every JD call behind it, stops with the request. The timer goes when the response ends.
 */
export function requestLifetime(req: IncomingMessage, res: ServerResponse, requestTimeoutMs: number, now = Date.now()): RequestLifetime {
  const budget = Math.min(requestTimeoutMs, clientTimeoutMs(req.headers[CLIENT_TIMEOUT_HEADER]) ?? Infinity);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestStoppedError('deadline')), budget);
  timer.unref();
  const onClose = () => {
    clearTimeout(timer);
    if (!res.writableFinished) controller.abort(new RequestStoppedError('disconnected'));
  };
  if (req.socket.destroyed) onClose();
  else res.once('close', onClose);
  return { deadline: now + budget, signal: controller.signal };
}
