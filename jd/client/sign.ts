import { createHash, createHmac } from 'node:crypto';
import type { JdSignMethod } from '../protocol';

/** The string JD signs: every param but `sign`, empty names/values dropped, sorted by key (code units), key+value joined. */
export function canonicalString(params: Readonly<Record<string, string | undefined>>): string {
  return (
    Object.entries(params)
      .filter((entry): entry is [string, string] => entry[0] !== 'sign' && entry[0] !== '' && entry[1] !== undefined && entry[1] !== '')
      // Java's TreeMap orders by UTF-16 code units; localeCompare would not.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => key + value)
      .join('')
  );
}

/** JD's `sign` for these parameters: upper-case hex of md5(secret+s+secret), HMAC-MD5 or HMAC-SHA256 of s. */
export function signJdParams(params: Readonly<Record<string, string | undefined>>, secret: string, method: JdSignMethod = 'md5'): string {
  const joined = canonicalString(params);
  switch (method) {
    case 'md5':
      return createHash('md5')
        .update(secret + joined + secret, 'utf8')
        .digest('hex')
        .toUpperCase();
    case 'hmacmd5':
      return createHmac('md5', secret).update(joined, 'utf8').digest('hex').toUpperCase();
    case 'hmacsha256':
      return createHmac('sha256', secret).update(joined, 'utf8').digest('hex').toUpperCase();
    default:
      throw new Error(`unknown JD sign method: ${String(method satisfies never)}`);
  }
}
