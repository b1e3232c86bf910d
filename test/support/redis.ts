import { execFileSync } from 'node:child_process';

/** The Redis the Redis-backed tests use: REDIS_URL, else the machine's local one. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

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

/**
 * `describe` for a suite that needs Redis: skipped (and said so) when none answers, except under
 * CI=true, where the suite runs and its `requireRedis()` in beforeAll fails it instead.
 */
export function redisSuite(): { describe: jest.Describe; reachable: boolean; requireRedis(): void } {
  const reachable = redisAnswers(TEST_REDIS_URL);
  const required = process.env.CI === 'true';
  if (!reachable && !required)
    console.warn(`Skipping a Redis suite: no Redis at ${TEST_REDIS_URL} (set REDIS_URL; CI=true makes this a failure).`);
  return {
    describe: reachable || required ? describe : describe.skip,
    reachable,
    requireRedis() {
      if (!reachable) throw new Error(`No Redis answers at ${TEST_REDIS_URL}, and CI=true requires one: start Redis or set REDIS_URL.`);
    },
  };
}
