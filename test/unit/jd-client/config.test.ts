import { loadJdConfig } from '../../../jd/client';

const REAL = { JD_API_URL: 'https://api.jd.com/routerjson', JD_APP_KEY: 'k123', JD_APP_SECRET: 's456', JD_ACCESS_TOKEN: 't789' };

describe('loadJdConfig', () => {
  it('uses the embedded sandbox with sandbox-only credentials when JD_API_URL is absent', () => {
    const config = loadJdConfig({});
    expect(config).toMatchObject({
      apiUrl: 'http://127.0.0.1:4010/routerjson',
      appKey: 'sandbox-app-key',
      appSecret: 'sandbox-app-secret',
      accessToken: 'sandbox-access-token',
      signMethod: 'md5',
      sandbox: true,
      sandboxPort: 4010,
    });
    expect(loadJdConfig({ JD_SANDBOX_PORT: '51234', JD_API_URL: '' }).apiUrl).toBe('http://127.0.0.1:51234/routerjson');
  });

  it('finds a sandbox in another container at JD_SANDBOX_URL, still on sandbox data and credentials', () => {
    const config = loadJdConfig({ JD_SANDBOX_URL: 'http://jd-sandbox:4010/routerjson', JD_SANDBOX_PORT: '51234' });
    expect(config).toMatchObject({ apiUrl: 'http://jd-sandbox:4010/routerjson', sandbox: true, appKey: 'sandbox-app-key' });
    expect(() => loadJdConfig({ ...REAL, JD_SANDBOX_URL: 'http://jd-sandbox:4010/routerjson' })).toThrow(
      /JD_SANDBOX_URL: is only used without JD_API_URL: unset one of them/,
    );
    expect(() => loadJdConfig({ JD_SANDBOX_URL: 'jd-sandbox:4010' })).toThrow(/JD_SANDBOX_URL: must be an http\(s\) URL/);
  });

  it('reads real JD settings and every policy number', () => {
    const config = loadJdConfig({
      ...REAL,
      JD_SIGN_METHOD: 'hmacsha256',
      JD_TIMEOUT_MS: '1500',
      JD_RETRY_MAX: '0',
      JD_RATE_LIMIT_PER_SECOND: '7',
      JD_BREAKER_FAILURE_PERCENT: '40',
      JD_BREAKER_MIN_CALLS: '20',
      JD_BREAKER_WINDOW_MS: '30000',
      JD_BREAKER_HALF_OPEN_AFTER_MS: '30000',
      PATH: '/usr/bin',
    });
    expect(config).toMatchObject({
      apiUrl: 'https://api.jd.com/routerjson',
      appKey: 'k123',
      appSecret: 's456',
      accessToken: 't789',
      signMethod: 'hmacsha256',
      sandbox: false,
      timeoutMs: 1500,
      retryMax: 0,
      rateLimitPerSecond: 7,
      breakerFailurePercent: 40,
      breakerMinCalls: 20,
      breakerWindowMs: 30000,
      breakerHalfOpenAfterMs: 30000,
    });
  });

  it.each(['JD_APP_KEY', 'JD_APP_SECRET', 'JD_ACCESS_TOKEN'] as const)(
    'with a JD_API_URL, a missing %s stops start-up naming it',
    (name) => {
      const env: Record<string, string> = { ...REAL };
      delete env[name];
      expect(() => loadJdConfig(env)).toThrow(
        new RegExp(`${name}: required because JD_API_URL is set \\(real JD data\\): set it to .*unset JD_API_URL to use the sandbox`),
      );
    },
  );

  it('lists every problem at once', () => {
    let message = '';
    try {
      loadJdConfig({ JD_API_URL: 'https://api.jd.com/routerjson', JD_SIGN_METHOD: 'sha1', JD_TIMEOUT_MS: 'soon' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration for JD client:/);
    for (const name of [
      'JD_SIGN_METHOD: must be one of md5, hmacmd5, hmacsha256, got "sha1"',
      'JD_TIMEOUT_MS: must be a whole number',
      'JD_APP_KEY: required',
      'JD_APP_SECRET: required',
      'JD_ACCESS_TOKEN: required',
    ]) {
      expect(message).toContain(name);
    }
  });

  it("merges concurrent requests' batch reads within 2 ms by default; JD_BATCH_WINDOW_MS=0 turns it off", () => {
    expect(loadJdConfig({}).batchWindowMs).toBe(2);
    expect(loadJdConfig({ JD_BATCH_WINDOW_MS: '0' }).batchWindowMs).toBe(0);
    expect(loadJdConfig({ JD_BATCH_WINDOW_MS: '50' }).batchWindowMs).toBe(50);
  });

  it.each([
    [{ JD_API_URL: 'api.jd.com/routerjson' }, /JD_API_URL: must be an http\(s\) URL such as https:\/\/api\.jd\.com\/routerjson/],
    [{ JD_API_URL: 'ftp://api.jd.com/routerjson' }, /JD_API_URL: must be an http\(s\) URL/],
    [{ JD_APP_KEY: 'has space' }, /JD_APP_KEY: must be your JD app key without spaces/],
    [{ JD_RETRY_MAX: '-1' }, /JD_RETRY_MAX: must be at least 0, got "-1"/],
    [{ JD_BREAKER_FAILURE_PERCENT: '100' }, /JD_BREAKER_FAILURE_PERCENT: must be at most 99, got "100"/],
    [{ JD_BREAKER_WINDOW_MS: '10' }, /JD_BREAKER_WINDOW_MS: must be at least 1000/],
    [{ JD_BREAKER_THRESHOLD: '5' }, /JD_BREAKER_THRESHOLD: is no longer read: .* use JD_BREAKER_FAILURE_PERCENT and JD_BREAKER_MIN_CALLS/],
    [{ JD_RETRY_MAX: '11' }, /JD_RETRY_MAX: must be at most 10, got "11"/],
    [{ JD_RETRY_MAX: 'two' }, /JD_RETRY_MAX: must be a whole number \(0 to 10\), e\.g\. 2, got "two"/],
    [{ JD_RATE_LIMIT_PER_SECOND: '0' }, /JD_RATE_LIMIT_PER_SECOND: must be at least 1/],
    [{ JD_TIMEOUT_MS: '2.5' }, /JD_TIMEOUT_MS: must be a whole number of milliseconds/],
    [{ JD_SANDBOX_PORT: '70000' }, /JD_SANDBOX_PORT: must be at most 65535/],
    [{ JD_BATCH_WINDOW_MS: '51' }, /JD_BATCH_WINDOW_MS: must be at most 50 \(every cold price, stock or goods load waits up to this long/],
    [{ JD_BATCH_WINDOW_MS: '-1' }, /JD_BATCH_WINDOW_MS: must be at least 0, got "-1"/],
    [{ JD_BATCH_WINDOW_MS: '2ms' }, /JD_BATCH_WINDOW_MS: must be a whole number of milliseconds \(0 to 50\), e\.g\. 2, got "2ms"/],
  ])('rejects %j with a message saying what to fix', (env, message) => {
    expect(() => loadJdConfig(env)).toThrow(message);
  });
});
