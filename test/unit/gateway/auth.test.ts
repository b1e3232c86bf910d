import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { GraphQLError } from 'graphql';
import { createAuthenticator } from '../../../gateway/auth';
import type { JwtConfig } from '../../../gateway/config';

const SECRET = 'test-hs256-secret-of-at-least-32-chars!!';
const base = { issuer: 'https://id.example', audience: 'jd-support-graph' };
const keys = [{ key: 'acme-partner-key-0123456789', partnerId: 'acme', scopes: ['directory:read'] }];

function token(
  claims: { iss?: string; aud?: string; sub?: string; exp?: number },
  key: Parameters<SignJWT['sign']>[0],
  alg = 'HS256',
  kid?: string,
) {
  const jwt = new SignJWT({}).setProtectedHeader({ alg, ...(kid ? { kid } : {}) }).setIssuedAt();
  if (claims.iss !== undefined) jwt.setIssuer(claims.iss);
  if (claims.aud !== undefined) jwt.setAudience(claims.aud);
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(key);
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraphQLError);
  expect((err as GraphQLError).extensions.code).toBe('UNAUTHENTICATED');
  return (err as GraphQLError).message;
}

describe('HS256 customer tokens', () => {
  const hs: JwtConfig = { ...base, hs256Secret: SECRET };
  const auth = createAuthenticator({ jwt: hs, partnerKeys: keys });
  const key = new TextEncoder().encode(SECRET);
  const good = { iss: base.issuer, aud: base.audience, sub: 'jd_demo_alice' };

  it('accepts a valid token; sub is the customer pin', async () => {
    expect(await auth({ authorization: `Bearer ${await token(good, key)}` })).toEqual({ kind: 'customer', pin: 'jd_demo_alice' });
  });
  it('refuses expired, wrong issuer, wrong audience, bad signature, no subject', async () => {
    expect(
      await refusal(auth({ authorization: `Bearer ${await token({ ...good, exp: Math.floor(Date.now() / 1000) - 10 }, key)}` })),
    ).toMatch(/expired/);
    expect(await refusal(auth({ authorization: `Bearer ${await token({ ...good, iss: 'https://evil.example' }, key)}` }))).toMatch(/"iss"/);
    expect(await refusal(auth({ authorization: `Bearer ${await token({ ...good, aud: 'other-app' }, key)}` }))).toMatch(/"aud"/);
    expect(await refusal(auth({ authorization: `Bearer ${await token(good, new TextEncoder().encode('x'.repeat(40)))}` }))).toMatch(
      /invalid/,
    );
    await refusal(auth({ authorization: `Bearer ${await token({ ...good, sub: undefined }, key)}` }));
  });
  it('refuses a malformed Authorization header and two credentials at once', async () => {
    await refusal(auth({ authorization: 'Basic abc' }));
    await refusal(auth({ authorization: `Bearer ${await token(good, key)}`, apiKey: keys[0].key }));
  });
});

describe('verified tokens are remembered, never past their exp', () => {
  const key = new TextEncoder().encode(SECRET);
  const good = { iss: base.issuer, aud: base.audience, sub: 'jd_demo_bob' };

  it('accepts a remembered token until its exp, then refuses it as expired', async () => {
    let clock = Date.now();
    const auth = createAuthenticator({ jwt: { ...base, hs256Secret: SECRET }, partnerKeys: [] }, { now: () => clock });
    const exp = Math.floor(clock / 1000) + 30;
    const bearer = `Bearer ${await token({ ...good, exp }, key)}`;
    expect(await auth({ authorization: bearer })).toEqual({ kind: 'customer', pin: 'jd_demo_bob' });
    clock += 20_000;
    expect(await auth({ authorization: bearer })).toEqual({ kind: 'customer', pin: 'jd_demo_bob' });
    clock = exp * 1000;
    expect(await refusal(auth({ authorization: bearer }))).toMatch(/expired/);
  });

  it('does not remember a refusal, nor let a good token vouch for a tampered one', async () => {
    const auth = createAuthenticator({ jwt: { ...base, hs256Secret: SECRET }, partnerKeys: [] });
    const goodToken = await token(good, key);
    expect(await auth({ authorization: `Bearer ${goodToken}` })).toEqual({ kind: 'customer', pin: 'jd_demo_bob' });
    const tampered = `${goodToken.slice(0, -2)}${goodToken.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await refusal(auth({ authorization: `Bearer ${tampered}` }))).toMatch(/invalid/);
    expect(await refusal(auth({ authorization: `Bearer ${tampered}` }))).toMatch(/invalid/);
  });
});

describe('RS256 customer tokens from a JWKS file', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts tokens signed by a JWKS key and refuses other RSA keys and HS256', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    dir = mkdtempSync(join(tmpdir(), 'jwks-'));
    const jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] }));
    const auth = createAuthenticator({ jwt: { ...base, jwksFile }, partnerKeys: [] });
    const good = { iss: base.issuer, aud: base.audience, sub: 'jd_demo_bob' };
    expect(await auth({ authorization: `Bearer ${await token(good, privateKey, 'RS256', 'k1')}` })).toEqual({
      kind: 'customer',
      pin: 'jd_demo_bob',
    });
    await refusal(auth({ authorization: `Bearer ${await token(good, stranger.privateKey, 'RS256', 'k1')}` }));
    await refusal(auth({ authorization: `Bearer ${await token(good, new TextEncoder().encode(SECRET))}` }));
  });
});

describe('partner API keys and anonymous callers', () => {
  const auth = createAuthenticator({ jwt: { ...base, hs256Secret: SECRET }, partnerKeys: keys });
  it('maps a known key to the partner and its scopes', async () => {
    expect(await auth({ apiKey: keys[0].key })).toEqual({ kind: 'partner', partnerId: 'acme', scopes: ['directory:read'] });
  });
  it('refuses an unknown key instead of treating it as anonymous', async () => {
    await refusal(auth({ apiKey: 'acme-partner-key-0123456780' }));
  });
  it('treats no credential as anonymous', async () => {
    expect(await auth({})).toEqual({ kind: 'anonymous' });
  });
});
