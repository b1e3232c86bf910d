import type { IncomingMessage, ServerResponse } from 'node:http';

/** The gateway's header with what is left of the caller's time budget, in milliseconds. */
export const DEADLINE_HEADER = 'x-deadline-ms';

/**
 * The most time a subgraph gives one request, and what it gives a request without a budget (a direct
 * call, a test). A budget above it is cut to it, so no header can make a subgraph work longer than this.
 */
export const MAX_REQUEST_BUDGET_MS = 60_000;

const BUDGET = /^\d{1,9}$/;

/** The request's budget from `x-deadline-ms`: a whole number of ms, at most MAX_REQUEST_BUDGET_MS; the maximum when absent or malformed. */
export function budgetFrom(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !BUDGET.test(value.trim())) return MAX_REQUEST_BUDGET_MS;
  return Math.min(Number(value.trim()), MAX_REQUEST_BUDGET_MS);
}

/** Why a request's signal aborted: the caller went away, or its deadline passed. */
export class RequestStoppedError extends Error {
  constructor(readonly reason: 'disconnected' | 'deadline') {
    super(reason === 'disconnected' ? 'the caller closed the connection before the answer' : "the request's deadline passed");
    this.name = 'RequestStoppedError';
  }
}

/** A request's deadline (epoch ms) and the signal that aborts at it or when the caller disconnects. */
export interface RequestLifetime {
  deadline: number;
  signal: AbortSignal;
}

/**
 * The lifetime of one HTTP request: its deadline from the gateway's budget, and a signal that aborts at
 * that deadline or as soon as the gateway closes the connection (its own timeout, or its client left).
 * The timer is dropped when the response is over, so finished requests hold nothing.
 */
export function requestLifetime(req: IncomingMessage, res: ServerResponse, now = Date.now()): RequestLifetime {
  const budget = budgetFrom(req.headers[DEADLINE_HEADER]);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestStoppedError('deadline')), budget);
  timer.unref();
  const onClose = () => {
    clearTimeout(timer);
    if (!res.writableFinished) controller.abort(new RequestStoppedError('disconnected'));
  };
  // The gateway may already have given up while the body was being read.
  if (req.socket.destroyed) onClose();
  else res.once('close', onClose);
  return { deadline: now + budget, signal: controller.signal };
}

/** A lifetime with no connection to watch (in-process execution): only the deadline ends it. */
export function detachedLifetime(header: string | string[] | undefined, now = Date.now()): RequestLifetime {
  const budget = budgetFrom(header);
  return { deadline: now + budget, signal: AbortSignal.timeout(budget) };
}
