/**
 * The sandbox's own JOS signature check (JD Open Platform's signature rules), written independently
 * of jd/client: sort all params but `sign` by code unit, join key+value, digest, upper-case hex.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type SandboxSignMethod = 'md5' | 'hmacmd5' | 'hmacsha256';

/** The expected sign for `params` (which may include `sign`; it is skipped). */
export function expectedSign(params: Record<string, string>, secret: string, method: SandboxSignMethod): string {
  const joined = Object.keys(params)
    .filter((k) => k !== 'sign' && k !== '' && params[k] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => k + params[k])
    .join('');
  const digest =
    method === 'md5'
      ? createHash('md5')
          .update(secret + joined + secret, 'utf8')
          .digest('hex')
      : createHmac(method === 'hmacmd5' ? 'md5' : 'sha256', secret)
          .update(joined, 'utf8')
          .digest('hex');
  return digest.toUpperCase();
}

/** Constant-time comparison of the received sign (case-insensitive hex) with the expected one. */
export function signMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received.toUpperCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
