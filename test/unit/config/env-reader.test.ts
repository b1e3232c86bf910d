import { z } from 'zod';
import { ConfigError, envReader, readRedisUrl, readSubgraphSigningSecret, SANDBOX_SUBGRAPH_SIGNING_SECRET } from '../../../config';

/** The problems `read` recorded, as the lines ConfigError prints. */
function problemsOf(run: (read: ReturnType<typeof envReader>) => void, env: Record<string, string | undefined>): string[] {
  const read = envReader(env, 'test part');
  run(read);
  try {
    read.finish();
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
}

describe('envReader', () => {
  it('trims values and treats blank ones as unset', () => {
    const read = envReader({ A: '  x  ', B: '   ', C: '' }, 'p');
    expect([read.text('A'), read.text('B'), read.text('C', 'fallback'), read.text('D', 'fallback')]).toEqual([
      'x',
      undefined,
      'fallback',
      'fallback',
    ]);
    expect(read.namesStartingWith('')).toEqual(['A']);
  });

  describe('int', () => {
    const rule = { min: 30, max: 365, default: 45, unit: 'days', why: { min: 'the standard window' } };
    it('reads a whole number, or the default when unset', () => {
      expect(envReader({ N: ' 60 ' }, 'p').int('N', rule)).toBe(60);
      expect(envReader({}, 'p').int('N', rule)).toBe(45);
      expect(envReader({}, 'p').int('N', { min: 0 })).toBeUndefined();
    });
    it.each([
      ['abc', 'N: must be a whole number of days (30 to 365), e.g. 45, got "abc"'],
      ['2.5', 'N: must be a whole number of days (30 to 365), e.g. 45, got "2.5"'],
      ['1e3', 'N: must be a whole number of days (30 to 365), e.g. 45, got "1e3"'],
      ['99999999999999999999', 'N: must be a whole number of days (30 to 365), e.g. 45, got "99999999999999999999"'],
      ['29', 'N: must be at least 30 (the standard window), got "29"'],
      ['-5', 'N: must be at least 30 (the standard window), got "-5"'],
      ['400', 'N: must be at most 365, got "400"'],
    ])('N=%s → %s', (value, message) => {
      expect(problemsOf((read) => expect(read.int('N', rule)).toBe(45), { N: value })).toEqual([message]);
    });
    it('words an open range', () => {
      expect(problemsOf((read) => read.int('N', { min: 1 }), { N: 'x' })).toEqual(['N: must be a whole number (1 or more), got "x"']);
    });
  });

  it('reads ports, booleans, choices and lists', () => {
    const read = envReader({ P: '8080', B: 'ON', C: 'b', L: ' a, ,b ' }, 'p');
    expect(read.port('P', 1)).toBe(8080);
    expect(read.port('Q', 1)).toBe(1);
    expect(read.bool('B', false)).toBe(true);
    expect(read.bool('unset')).toBeUndefined();
    expect(read.oneOf('C', ['a', 'b'], 'a')).toBe('b');
    expect(read.list('L')).toEqual(['a', 'b']);
    expect(() => read.finish()).not.toThrow();
    expect(
      problemsOf(
        (r) => {
          r.port('P', 1);
          r.bool('B');
          r.oneOf('C', ['a', 'b'], 'a');
        },
        { P: '70000', B: 'yes-please', C: 'z' },
      ),
    ).toEqual([
      'P: must be at most 65535, got "70000"',
      'B: must be true or false (or 1/0, on/off), got "yes-please"',
      'C: must be one of a, b, got "z"',
    ]);
  });

  it('reads http(s) URLs without echoing them (they can carry credentials)', () => {
    expect(envReader({ U: 'https://h.example/x' }, 'p').url('U')).toBe('https://h.example/x');
    expect(problemsOf((r) => r.url('U', { example: 'https://h/x', note: 'or unset it' }), { U: 'ftp://user:pw@h' })).toEqual([
      'U: must be an http(s) URL such as https://h/x (or unset it)',
    ]);
  });

  it('reads JSON against a schema, one problem per issue, named by path', () => {
    const schema = z.array(z.object({ key: z.string().min(3), n: z.number() }));
    expect(envReader({ J: '[{"key":"abc","n":1}]' }, 'p').json('J', schema, 'must be JSON')).toEqual([{ key: 'abc', n: 1 }]);
    expect(problemsOf((r) => r.json('J', schema, 'must be JSON'), { J: '[{"key":"a","n":"x"}]' })).toEqual([
      expect.stringMatching(/^J\[0\.key\]: /),
      expect.stringMatching(/^J\[0\.n\]: /),
    ]);
    expect(problemsOf((r) => r.json('J', schema, 'must be JSON'), { J: '{nope' })).toEqual([expect.stringMatching(/^J: must be JSON \(/)]);
    expect(
      problemsOf(
        (r) =>
          r.json('J', schema, 'must be a file', () => {
            throw new Error('ENOENT');
          }),
        { J: 'keys.json' },
      ),
    ).toEqual(['J: must be a file (ENOENT)']);
  });

  describe('requiredInProduction', () => {
    const spec = { sandboxDefault: 'public-sandbox-value', what: 'a random secret', minLength: 32 };
    it('uses the public sandbox default, or any given value, in development', () => {
      expect(envReader({}, 'p').requiredInProduction('S', spec)).toBe('public-sandbox-value');
      expect(envReader({ S: 'short' }, 'p').requiredInProduction('S', spec)).toBe('short');
    });
    it.each([
      [{ NODE_ENV: 'production' }, 'S: required because NODE_ENV=production: set a random secret'],
      [{ JD_API_URL: 'https://api.jd.com/routerjson' }, 'S: required because JD_API_URL is set (real JD data): set a random secret'],
      [
        { NODE_ENV: 'production', S: 'short' },
        'S: must be at least 32 characters because NODE_ENV=production (it has 5): set a random secret',
      ],
      [
        { NODE_ENV: 'production', S: 'public-sandbox-value' },
        'S: the public sandbox value is refused because NODE_ENV=production: set a random secret',
      ],
    ])('refuses %j in production', (env, message) => {
      expect(problemsOf((r) => r.requiredInProduction('S', spec), env)).toEqual([message]);
    });
    it('accepts a long own value in production', () => {
      expect(envReader({ NODE_ENV: 'production', S: 'x'.repeat(32) }, 'p').requiredInProduction('S', spec)).toBe('x'.repeat(32));
    });
  });

  it('collects every problem before finish() throws, in reading order', () => {
    const read = envReader({ A: 'x', B: 'y' }, 'subgraph orders');
    read.int('A', { min: 0 });
    read.bool('B');
    read.problem('C', 'is wrong');
    expect(() => read.finish()).toThrow(
      'Invalid configuration for subgraph orders:\n  - A: must be a whole number (0 or more), got "x"\n  - B: must be true or false (or 1/0, on/off), got "y"\n  - C: is wrong',
    );
  });

  it('adopts another loader’s ConfigError with its part, and rethrows anything else', () => {
    const read = envReader({}, 'stack');
    const inner = () => {
      const r = envReader({ X: 'x' }, 'inner part');
      r.int('X', { min: 0 });
      r.finish();
      return 1;
    };
    expect(read.adopt(inner)).toBeUndefined();
    expect(read.adopt(() => 2)).toBe(2);
    expect(() =>
      read.adopt(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    expect(() => read.finish('Cannot start')).toThrow(
      /^Cannot start:\n {2}- X: must be a whole number \(0 or more\), got "x" \(inner part\)$/,
    );
  });
});

describe('settings more than one part reads', () => {
  it('SUBGRAPH_SIGNING_SECRET: the one sandbox default in development, a real secret in production', () => {
    expect(readSubgraphSigningSecret(envReader({}, 'p'))).toBe(SANDBOX_SUBGRAPH_SIGNING_SECRET);
    expect(problemsOf((r) => readSubgraphSigningSecret(r), { JD_API_URL: 'https://api.jd.com/routerjson' })).toEqual([
      expect.stringMatching(
        /^SUBGRAPH_SIGNING_SECRET: required because JD_API_URL is set \(real JD data\): set a random secret of at least 32 characters, the same for the gateway and every subgraph$/,
      ),
    ]);
  });

  it('REDIS_URL: memory (unset or blank) or a redis(s):// URL, and names the fix otherwise', () => {
    expect(readRedisUrl(envReader({}, 'p'))).toBeUndefined();
    expect(readRedisUrl(envReader({ REDIS_URL: '  ' }, 'p'))).toBeUndefined();
    expect(readRedisUrl(envReader({ REDIS_URL: 'rediss://cache:6380' }, 'p'))).toBe('rediss://cache:6380');
    expect(problemsOf((r) => readRedisUrl(r), { REDIS_URL: 'localhost:6379' })).toEqual([
      expect.stringMatching(/^REDIS_URL: must look like redis:\/\/host:6379/),
    ]);
  });
});
