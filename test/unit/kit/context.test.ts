import {
  baseContextFrom,
  languageFromHeader,
  MAX_REQUEST_BUDGET_MS,
  requireCustomer,
  type BaseContext,
  type Identity,
} from '../../../subgraphs/kit';

const ctx = (identity: Identity): BaseContext => ({
  identity,
  requestId: 'r1',
  language: 'en',
  deadline: Date.now() + 60_000,
  signal: new AbortController().signal,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
};

describe('request context', () => {
  it('requireCustomer returns the pin of a customer', () => {
    expect(requireCustomer(ctx({ kind: 'customer', pin: 'jd_demo_alice' }))).toBe('jd_demo_alice');
  });

  it('requireCustomer refuses anonymous callers (UNAUTHENTICATED) and partners (FORBIDDEN)', () => {
    expect(codeOf(() => requireCustomer(ctx({ kind: 'anonymous' })))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireCustomer(ctx({ kind: 'partner', partnerId: 'acme', scopes: ['orders:read'] })))).toBe('FORBIDDEN');
  });

  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['en;q=0.5, zh-Hans;q=0.8', 'zh'],
    ['zh;q=0, en', 'en'],
    ['ZH-tw', 'zh'],
    ['fr-FR', 'en'],
  ])('accept-language %j -> %s', (header, language) => {
    expect(languageFromHeader(header)).toBe(language);
  });

  it('baseContextFrom keeps a sane x-request-id and generates one otherwise', () => {
    const identity: Identity = { kind: 'anonymous' };
    expect(baseContextFrom(identity, { 'x-request-id': 'abc-123', 'accept-language': 'zh-CN' })).toEqual({
      identity,
      requestId: 'abc-123',
      language: 'zh',
      deadline: expect.any(Number),
      signal: expect.any(AbortSignal),
      staleness: { methods: new Set() },
    });
    const generated = baseContextFrom(identity, {}).requestId;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(baseContextFrom(identity, {}).requestId).not.toBe(generated);
    expect(baseContextFrom(identity, { 'x-request-id': 'bad id\nwith newline' }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('baseContextFrom takes the deadline from x-deadline-ms, and no header can stretch it past the cap', () => {
    const identity: Identity = { kind: 'anonymous' };
    const within = (headers: Record<string, string>, budget: number) => {
      const before = Date.now();
      const { deadline } = baseContextFrom(identity, headers);
      expect(deadline).toBeGreaterThanOrEqual(before + budget);
      expect(deadline).toBeLessThanOrEqual(Date.now() + budget);
    };
    within({ 'x-deadline-ms': '1500' }, 1500);
    within({ 'x-deadline-ms': '999999999' }, MAX_REQUEST_BUDGET_MS);
    within({ 'x-deadline-ms': '-5' }, MAX_REQUEST_BUDGET_MS);
    within({ 'x-deadline-ms': '12abc' }, MAX_REQUEST_BUDGET_MS);
    within({}, MAX_REQUEST_BUDGET_MS);
  });
});
