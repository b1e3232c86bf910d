import { connect } from 'node:net';

/** Ready when JD's router (or the sandbox) accepts a TCP connection; no JD call is spent on probes. */
export function jdReachable(apiUrl: string, timeoutMs = 1000): () => Promise<boolean> {
  const url = new URL(apiUrl);
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return () =>
    new Promise((resolve) => {
      const socket = connect({ host: url.hostname, port, timeout: timeoutMs });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.once('connect', () => done(true));
      socket.once('timeout', () => done(false));
      socket.once('error', () => done(false));
    });
}
