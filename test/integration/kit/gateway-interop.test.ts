// The gateway and the kit implement docs/identity-headers.md independently; this proves they agree.
import { signIdentity as gatewaySign } from '../../../gateway/identity/sign';
import { signIdentity as kitSign, verifyIdentity, type Identity } from '../../../subgraphs/kit';

const SECRET = 'interop-secret-interop-secret-0123';
const NOW = 1_746_424_800_123;

describe.each<Identity>([
  { kind: 'anonymous' },
  { kind: 'customer', pin: 'jd_demo_alice' },
  { kind: 'partner', partnerId: 'acme', scopes: ['directory:read', 'orders:read'] },
])('identity %j', (identity) => {
  it('the kit accepts what the gateway signs', () => {
    expect(verifyIdentity(gatewaySign(identity, SECRET, NOW), SECRET, { now: NOW })).toEqual(identity);
  });

  it('both sign to the same bytes', () => {
    expect(kitSign(identity, SECRET, NOW)).toEqual(gatewaySign(identity, SECRET, NOW));
  });

  it('the kit refuses the gateway signature under another secret', () => {
    expect(() => verifyIdentity(gatewaySign(identity, 'other-secret', NOW), SECRET, { now: NOW })).toThrow(/signature/);
  });
});

it('the kit signs only the contract fields, as the gateway does', () => {
  const extra = { kind: 'customer', pin: 'p', roles: ['admin'] } as unknown as Identity;
  expect(kitSign(extra, SECRET, NOW)).toEqual(gatewaySign(extra, SECRET, NOW));
  expect(() => kitSign({ kind: 'robot' } as unknown as Identity, SECRET, NOW)).toThrow(/invalid identity/);
});
