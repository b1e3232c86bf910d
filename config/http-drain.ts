/**
 * The HTTP half of every process's shutdown: stop accepting, let requests in flight finish within a
 * window, end what is left with an answer of the caller's choosing, then cut every connection, so
 * that no socket (keep-alive or stuck) can keep the process alive.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export interface HttpDrain {
  /** Requests whose response has not finished. */
  readonly inFlight: number;
  /**
   * Closes the listener, lets requests in flight finish for up to `windowMs`, answers those still
   * running with `endLeftover`, then destroys every connection. Resolves once the listener is closed.
   */
  drain(windowMs: number): Promise<{ finished: number; ended: number }>;
}

/** Time the leftover answers get to reach their clients before the connections are cut. */
const LEFTOVER_FLUSH_MS = 250;

/**
 * Tracks `server`'s requests from now on. `endLeftover` answers a request still running when the
 * window closes (e.g. 503 with a coded error); it is only called while its headers are unsent.
 */
export function trackForDrain(server: Server, endLeftover: (req: IncomingMessage, res: ServerResponse) => void): HttpDrain {
  const inFlight = new Map<ServerResponse, IncomingMessage>();
  // Requests in flight per connection that has carried one: 0 marks an idle keep-alive connection.
  const served = new Map<Socket, number>();
  let draining = false;
  let drained: Promise<{ finished: number; ended: number }> | undefined;
  const whenEmpty: (() => void)[] = [];
  // Before the application's listener: a response started while draining closes its connection after itself.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight.set(res, req);
    const socket = req.socket;
    if (!served.has(socket)) socket.once('close', () => served.delete(socket));
    served.set(socket, (served.get(socket) ?? 0) + 1);
    if (draining) res.shouldKeepAlive = false;
    res.once('close', () => {
      inFlight.delete(res);
      if (served.has(socket)) served.set(socket, Math.max(0, (served.get(socket) ?? 1) - 1));
      if (inFlight.size === 0) whenEmpty.splice(0).forEach((resolve) => resolve());
    });
  });

  const drain = async (windowMs: number) => {
    draining = true;
    // net's close, not http's: http's also closes every connection without a request in progress, which
    // resets connections just accepted whose request has not been read yet (a burst at SIGTERM).
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    // Keep-alive clients must reconnect elsewhere: idle connections go now, busy ones after their answer,
    // and a connection still to send its first request is answered, then closed.
    for (const res of inFlight.keys()) if (!res.headersSent) res.shouldKeepAlive = false;
    for (const [socket, requests] of served) if (requests === 0) socket.destroy();
    const atStart = inFlight.size;
    let timer: NodeJS.Timeout | undefined;
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        whenEmpty.push(resolve);
        timer = setTimeout(resolve, windowMs);
      });
      clearTimeout(timer);
    }
    const left = [...inFlight];
    for (const [res, req] of left) {
      if (res.headersSent) continue;
      try {
        endLeftover(req, res);
      } catch {
        // An answer that cannot be written is cut with its connection below.
      }
    }
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        whenEmpty.push(resolve);
        setTimeout(resolve, LEFTOVER_FLUSH_MS).unref();
      });
    }
    server.closeAllConnections();
    await closed;
    return { finished: atStart - left.length, ended: left.length };
  };

  return {
    get inFlight() {
      return inFlight.size;
    },
    drain: (windowMs) => (drained ??= drain(windowMs)),
  };
}
