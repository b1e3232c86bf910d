import { createHash, createHmac } from 'node:crypto';
import { signIdentity, verifyIdentity, type Identity } from '../../../subgraphs/kit';

const SECRET = 'unit-test-secret-unit-test-secret';
const NOW = 1_746_424_800_000;
/** The request every signature below is made for, unless a test says otherwise. */
const REQUEST = { subgraph: 'orders', body: '{"query":"{ order(id: \\"1001\\") { id } }"}' };

function code(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
}

/** The contract's signature, computed independently of the kit (docs/identity-headers.md). */
const contractSig = (ts: number, subgraph: string, body: string, encoded: string) =>
  createHmac('sha256', SECRET)
    .update(`${ts}.${subgraph}.${createHash('sha256').update(body).digest('hex')}.${encoded}`)
    .digest('hex');

const handSigned = (json: string) => {
  const encoded = Buffer.from(json, 'utf8').toString('base64url');
  return {
    'x-jd-identity': encoded,
    'x-jd-identity-ts': String(NOW),
    'x-jd-identity-sig': contractSig(NOW, REQUEST.subgraph, REQUEST.body, encoded),
  };
};

describe('signed identity headers', () => {
  const identities: Identity[] = [
    { kind: 'anonymous' },
    { kind: 'customer', pin: 'jd_demo_alice' },
    { kind: 'partner', partnerId: 'acme', scopes: ['directory:read', 'orders:read'] },
  ];

  it.each(identities)('round-trips %j', (identity) => {
    const headers = signIdentity(identity, SECRET, REQUEST, NOW);
    expect(verifyIdentity(headers, SECRET, REQUEST, { now: NOW })).toEqual(identity);
  });

  it('follows the documented wire format (docs/identity-headers.md)', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, SECRET, REQUEST, NOW);
    const encoded = Buffer.from('{"kind":"customer","pin":"jd_demo_alice"}').toString('base64url');
    expect(headers).toEqual({
      'x-jd-identity': encoded,
      'x-jd-identity-ts': String(NOW),
      'x-jd-identity-sig': contractSig(NOW, 'orders', REQUEST.body, encoded),
    });
    expect(encoded).not.toContain('=');
  });

  it('accepts headers signed independently by the gateway algorithm, including unicode pins', () => {
    const headers = handSigned(JSON.stringify({ kind: 'customer', pin: '京东用户_7' }));
    expect(verifyIdentity(headers, SECRET, REQUEST, { now: NOW })).toEqual({ kind: 'customer', pin: '京东用户_7' });
  });

  it('digests the body bytes: a Buffer of the same bytes verifies, one byte more does not', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, NOW);
    const bytes = Buffer.from(REQUEST.body, 'utf8');
    expect(verifyIdentity(headers, SECRET, { ...REQUEST, body: bytes }, { now: NOW })).toEqual({ kind: 'anonymous' });
    expect(code(() => verifyIdentity(headers, SECRET, { ...REQUEST, body: Buffer.concat([bytes, Buffer.from(' ')]) }, { now: NOW }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses a signature replayed with another body (e.g. a mutation) or at another subgraph', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, SECRET, REQUEST, NOW);
    const mutation = JSON.stringify({ query: 'mutation { cancelAfterSales(id: "1") { ok } }' });
    expect(code(() => verifyIdentity(headers, SECRET, { ...REQUEST, body: mutation }, { now: NOW }))).toBe('UNAUTHENTICATED');
    expect(code(() => verifyIdentity(headers, SECRET, { ...REQUEST, subgraph: 'after-sales' }, { now: NOW }))).toBe('UNAUTHENTICATED');
    expect(code(() => verifyIdentity(headers, SECRET, { ...REQUEST, body: '' }, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered identity', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, SECRET, REQUEST, NOW);
    headers['x-jd-identity'] = Buffer.from('{"kind":"customer","pin":"jd_demo_bob"}').toString('base64url');
    expect(code(() => verifyIdentity(headers, SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered timestamp (the ts is part of what is signed)', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, NOW);
    headers['x-jd-identity-ts'] = String(NOW + 1);
    expect(code(() => verifyIdentity(headers, SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a signature made with another secret', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, 'some-other-secret', REQUEST, NOW);
    expect(code(() => verifyIdentity(headers, SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('accepts 30 s of age and 2 s of clock skew by default, and nothing beyond', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, NOW);
    const at = (now: number, window = {}) => code(() => verifyIdentity(headers, SECRET, REQUEST, { now, ...window }));
    expect(at(NOW + 30_000)).toBe('no error');
    expect(at(NOW + 30_001)).toBe('UNAUTHENTICATED');
    expect(at(NOW - 2_000)).toBe('no error'); // the gateway's clock 2 s ahead
    expect(at(NOW - 2_001)).toBe('UNAUTHENTICATED'); // from the future
    expect(at(NOW - 299_000)).toBe('UNAUTHENTICATED');
  });

  it('takes the window lengths as settings', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, NOW);
    const at = (now: number, window: object) => code(() => verifyIdentity(headers, SECRET, REQUEST, { now, ...window }));
    expect(at(NOW + 60_000, { maxAgeMs: 60_000 })).toBe('no error');
    expect(at(NOW + 60_001, { maxAgeMs: 60_000 })).toBe('UNAUTHENTICATED');
    expect(at(NOW + 5_001, { maxAgeMs: 5_000 })).toBe('UNAUTHENTICATED');
    expect(at(NOW - 1, { clockSkewMs: 0 })).toBe('UNAUTHENTICATED');
    expect(at(NOW - 10_000, { clockSkewMs: 10_000 })).toBe('no error');
  });

  it('says why a signature was refused, without saying anything secret', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, NOW);
    expect(() => verifyIdentity(headers, SECRET, REQUEST, { now: NOW + 31_000 })).toThrow('Identity signature has expired');
    expect(() => verifyIdentity(headers, SECRET, REQUEST, { now: NOW - 3_000 })).toThrow('Identity signature is from the future');
    expect(() => verifyIdentity(headers, SECRET, { ...REQUEST, subgraph: 'offices' }, { now: NOW })).toThrow('Invalid identity signature');
  });

  it('uses the clock when no `now` is given', () => {
    expect(verifyIdentity(signIdentity({ kind: 'anonymous' }, SECRET, REQUEST), SECRET, REQUEST)).toEqual({ kind: 'anonymous' });
    const old = signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, Date.now() - 60_000);
    expect(code(() => verifyIdentity(old, SECRET, REQUEST))).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged identity without a signature, and missing headers', () => {
    const forged = {
      'x-jd-identity': Buffer.from('{"kind":"customer","pin":"jd_demo_alice"}').toString('base64url'),
      'x-jd-identity-ts': String(NOW),
    };
    expect(code(() => verifyIdentity(forged, SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
    expect(code(() => verifyIdentity({}, SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['signature not hex', { 'x-jd-identity-sig': 'zz'.repeat(32) }],
    ['signature too short', { 'x-jd-identity-sig': 'ab' }],
    ['ts not a number', { 'x-jd-identity-ts': '17e11' }],
    ['identity not base64url', { 'x-jd-identity': 'eyJ+a2luZCI6ImFub255bW91cyJ9==' }],
    ['header repeated', { 'x-jd-identity': ['a', 'b'] }],
  ])('refuses malformed headers: %s', (_label, patch) => {
    const headers = { ...signIdentity({ kind: 'anonymous' }, SECRET, REQUEST, NOW), ...patch };
    expect(code(() => verifyIdentity(headers, SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['unknown kind', '{"kind":"admin"}'],
    ['customer without pin', '{"kind":"customer"}'],
    ['partner with bad scopes', '{"kind":"partner","partnerId":"acme","scopes":"orders:read"}'],
    ['not JSON', 'kind=anonymous'],
    ['JSON null', 'null'],
  ])('refuses a correctly signed but invalid identity: %s', (_label, json) => {
    expect(code(() => verifyIdentity(handSigned(json), SECRET, REQUEST, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('drops unknown identity fields instead of passing them on', () => {
    const identity = verifyIdentity(handSigned('{"kind":"customer","pin":"p1","admin":true}'), SECRET, REQUEST, { now: NOW });
    expect(identity).toEqual({ kind: 'customer', pin: 'p1' });
  });
});
