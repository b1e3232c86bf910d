import { createHmac } from 'node:crypto';
import { signIdentity, verifyIdentity, type Identity } from '../../../subgraphs/kit';

const SECRET = 'unit-test-secret-unit-test-secret';
const NOW = 1_746_424_800_000;

function code(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
}

describe('signed identity headers', () => {
  const identities: Identity[] = [
    { kind: 'anonymous' },
    { kind: 'customer', pin: 'jd_demo_alice' },
    { kind: 'partner', partnerId: 'acme', scopes: ['directory:read', 'orders:read'] },
  ];

  it.each(identities)('round-trips %j', (identity) => {
    const headers = signIdentity(identity, SECRET, NOW);
    expect(verifyIdentity(headers, SECRET, { now: NOW })).toEqual(identity);
  });

  it('follows the documented wire format (docs/identity-headers.md)', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, SECRET, NOW);
    const encoded = Buffer.from('{"kind":"customer","pin":"jd_demo_alice"}').toString('base64url');
    expect(headers).toEqual({
      'x-jd-identity': encoded,
      'x-jd-identity-ts': String(NOW),
      'x-jd-identity-sig': createHmac('sha256', SECRET).update(`${NOW}.${encoded}`).digest('hex'),
    });
    expect(encoded).not.toContain('=');
  });

  it('accepts headers signed independently by the gateway algorithm, including unicode pins', () => {
    const encoded = Buffer.from(JSON.stringify({ kind: 'customer', pin: '京东用户_7' }), 'utf8').toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${NOW}.${encoded}`).digest('hex');
    const headers = { 'x-jd-identity': encoded, 'x-jd-identity-ts': String(NOW), 'x-jd-identity-sig': sig };
    expect(verifyIdentity(headers, SECRET, { now: NOW })).toEqual({ kind: 'customer', pin: '京东用户_7' });
  });

  it('refuses a tampered identity', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, SECRET, NOW);
    headers['x-jd-identity'] = Buffer.from('{"kind":"customer","pin":"jd_demo_bob"}').toString('base64url');
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered timestamp (the ts is part of what is signed)', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, NOW);
    headers['x-jd-identity-ts'] = String(NOW + 1);
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a signature made with another secret', () => {
    const headers = signIdentity({ kind: 'customer', pin: 'jd_demo_alice' }, 'some-other-secret', NOW);
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('enforces the replay window in both directions, with a configurable length', () => {
    const headers = signIdentity({ kind: 'anonymous' }, SECRET, NOW);
    expect(verifyIdentity(headers, SECRET, { now: NOW + 300_000 })).toEqual({ kind: 'anonymous' });
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW + 300_001 }))).toBe('UNAUTHENTICATED');
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW - 300_001 }))).toBe('UNAUTHENTICATED'); // from the future
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW + 60_001, maxAgeMs: 60_000 }))).toBe('UNAUTHENTICATED');
    expect(verifyIdentity(headers, SECRET, { now: NOW + 60_000, maxAgeMs: 60_000 })).toEqual({ kind: 'anonymous' });
  });

  it('uses the clock when no `now` is given', () => {
    expect(verifyIdentity(signIdentity({ kind: 'anonymous' }, SECRET), SECRET)).toEqual({ kind: 'anonymous' });
    const old = signIdentity({ kind: 'anonymous' }, SECRET, Date.now() - 10 * 60_000);
    expect(code(() => verifyIdentity(old, SECRET))).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged identity without a signature, and missing headers', () => {
    const forged = {
      'x-jd-identity': Buffer.from('{"kind":"customer","pin":"jd_demo_alice"}').toString('base64url'),
      'x-jd-identity-ts': String(NOW),
    };
    expect(code(() => verifyIdentity(forged, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
    expect(code(() => verifyIdentity({}, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['signature not hex', { 'x-jd-identity-sig': 'zz'.repeat(32) }],
    ['signature too short', { 'x-jd-identity-sig': 'ab' }],
    ['ts not a number', { 'x-jd-identity-ts': '17e11' }],
    ['identity not base64url', { 'x-jd-identity': 'eyJ+a2luZCI6ImFub255bW91cyJ9==' }],
    ['header repeated', { 'x-jd-identity': ['a', 'b'] }],
  ])('refuses malformed headers: %s', (_label, patch) => {
    const headers = { ...signIdentity({ kind: 'anonymous' }, SECRET, NOW), ...patch };
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['unknown kind', '{"kind":"admin"}'],
    ['customer without pin', '{"kind":"customer"}'],
    ['partner with bad scopes', '{"kind":"partner","partnerId":"acme","scopes":"orders:read"}'],
    ['not JSON', 'kind=anonymous'],
    ['JSON null', 'null'],
  ])('refuses a correctly signed but invalid identity: %s', (_label, json) => {
    const encoded = Buffer.from(json).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${NOW}.${encoded}`).digest('hex');
    const headers = { 'x-jd-identity': encoded, 'x-jd-identity-ts': String(NOW), 'x-jd-identity-sig': sig };
    expect(code(() => verifyIdentity(headers, SECRET, { now: NOW }))).toBe('UNAUTHENTICATED');
  });

  it('drops unknown identity fields instead of passing them on', () => {
    const encoded = Buffer.from('{"kind":"customer","pin":"p1","admin":true}').toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${NOW}.${encoded}`).digest('hex');
    const identity = verifyIdentity({ 'x-jd-identity': encoded, 'x-jd-identity-ts': String(NOW), 'x-jd-identity-sig': sig }, SECRET, {
      now: NOW,
    });
    expect(identity).toEqual({ kind: 'customer', pin: 'p1' });
  });
});
