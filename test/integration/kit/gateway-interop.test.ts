// The gateway and the kit implement docs/identity-headers.md independently; this proves they agree.
import { signIdentity as gatewaySign } from '../../../gateway/identity/sign';
import { signIdentity as kitSign, verifyIdentity, type Identity } from '../../../subgraphs/kit';

const SECRET = 'interop-secret-interop-secret-0123';
const NOW = 1_746_424_800_123;
const FETCH = {
  subgraph: 'after-sales',
  body: '{"query":"query($id: ID!) { afterSalesService(id: $id) { id } }","variables":{"id":"京东-1"}}',
};

describe.each<Identity>([
  { kind: 'anonymous' },
  { kind: 'customer', pin: 'jd_demo_alice' },
  { kind: 'partner', partnerId: 'acme', scopes: ['directory:read', 'orders:read'] },
])('identity %j', (identity) => {
  it('the kit accepts what the gateway signs', () => {
    expect(verifyIdentity(gatewaySign(identity, SECRET, FETCH, NOW), SECRET, FETCH, { now: NOW })).toEqual(identity);
  });

  it('both sign to the same bytes', () => {
    expect(kitSign(identity, SECRET, FETCH, NOW)).toEqual(gatewaySign(identity, SECRET, FETCH, NOW));
  });

  it('the kit refuses the gateway signature under another secret', () => {
    expect(() => verifyIdentity(gatewaySign(identity, 'other-secret', FETCH, NOW), SECRET, FETCH, { now: NOW })).toThrow(/signature/);
  });

  it('the kit refuses the gateway signature at another subgraph or with another body', () => {
    const signed = gatewaySign(identity, SECRET, FETCH, NOW);
    expect(() => verifyIdentity(signed, SECRET, { ...FETCH, subgraph: 'orders' }, { now: NOW })).toThrow(/signature/);
    expect(() => verifyIdentity(signed, SECRET, { ...FETCH, body: FETCH.body.replace('京东-1', '京东-2') }, { now: NOW })).toThrow(
      /signature/,
    );
  });
});

it('the kit signs only the contract fields, as the gateway does', () => {
  const extra = { kind: 'customer', pin: 'p', roles: ['admin'] } as unknown as Identity;
  expect(kitSign(extra, SECRET, FETCH, NOW)).toEqual(gatewaySign(extra, SECRET, FETCH, NOW));
  expect(() => kitSign({ kind: 'robot' } as unknown as Identity, SECRET, FETCH, NOW)).toThrow(/invalid identity/);
});
