import { execFileSync } from 'node:child_process';

/**
 * Whether a Redis answers at `url`, decided synchronously (a child process sends PING) so the
 * suite can choose describe or describe.skip before jest collects tests.
 */
export function redisAnswers(url: string): boolean {
  const { hostname, port } = new URL(url);
  const script = `
    const s = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname || '127.0.0.1')});
    s.setTimeout(1000, () => process.exit(1));
    s.on('error', () => process.exit(1));
    s.on('connect', () => s.write('*1\\r\\n$4\\r\\nPING\\r\\n'));
    // "+PONG", or "-NOAUTH…" from a Redis that wants the URL's password: either way, a Redis.
    s.on('data', (d) => process.exit(/^[+-]/.test(String(d)) ? 0 : 1));`;
  try {
    execFileSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}
