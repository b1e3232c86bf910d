import { rememberVerifiedTokens, type Verified } from '../../../gateway/auth/verified-tokens';

describe('rememberVerifiedTokens', () => {
  let clock = 1_000_000;
  const now = () => clock;
  const checked: string[] = [];
  const verify = async (token: string): Promise<Verified> => {
    checked.push(token);
    if (token.startsWith('bad')) throw new Error('refused');
    return { identity: { kind: 'customer', pin: token }, expiresAtMs: clock + 300_000 };
  };
  beforeEach(() => void (checked.length = 0));

  it('checks a token once, then answers from memory with a frozen identity', async () => {
    const remember = rememberVerifiedTokens(verify, { now });
    const first = await remember('alice');
    const second = await remember('alice');
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await remember('bob')).toEqual({ kind: 'customer', pin: 'bob' });
    expect(checked).toEqual(['alice', 'bob']);
  });

  it('checks again after maxTrustMs even when exp is later', async () => {
    const remember = rememberVerifiedTokens(verify, { now, maxTrustMs: 60_000 });
    await remember('alice');
    clock += 59_999;
    await remember('alice');
    clock += 1;
    await remember('alice');
    expect(checked).toEqual(['alice', 'alice']);
  });

  it('never trusts a token past its exp', async () => {
    const shortLived = async (token: string): Promise<Verified> => (
      checked.push(token),
      { identity: { kind: 'customer', pin: token }, expiresAtMs: clock + 1000 }
    );
    const remember = rememberVerifiedTokens(shortLived, { now, maxTrustMs: 60_000 });
    await remember('alice');
    clock += 1000;
    await remember('alice');
    expect(checked).toEqual(['alice', 'alice']);
  });

  it('never remembers a failure, and forgets the least recently used beyond maxEntries', async () => {
    const remember = rememberVerifiedTokens(verify, { now, maxEntries: 2 });
    await expect(remember('bad-1')).rejects.toThrow('refused');
    await expect(remember('bad-1')).rejects.toThrow('refused');
    await remember('a');
    await remember('b');
    await remember('c');
    await remember('c');
    await remember('a');
    expect(checked).toEqual(['bad-1', 'bad-1', 'a', 'b', 'c', 'a']);
  });
});
