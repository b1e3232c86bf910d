import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Quote ids are stateless, HMAC-signed tokens: requestExchange re-validates a quote on any replica
 * without a shared store, and a cache eviction can never lose a quote the customer is looking at.
 * The token is readable but unforgeable; it names the customer only by a keyed hash, not the pin.
 */
export interface QuoteClaims {
  orderId: string;
  skuId: string;
  /** Keyed hash of the customer pin (see `customerTag`). */
  customer: string;
  /** Paid unit price of the original, integer fen. */
  paidUnitFen: number;
  /** Every option offered: target SKU -> its price in fen when quoted. */
  prices: Record<string, number>;
  /** Epoch milliseconds. */
  quotedAt: number;
  expiresAt: number;
}

const PREFIX = 'xq1';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs and checks quote tokens with one secret. */
export class QuoteTokens {
  constructor(private readonly secret: string) {
    if (secret.length === 0) throw new Error('quote signing secret must not be empty');
  }

  /** A stable, non-reversible tag for a customer pin under this secret. */
  customerTag(pin: string): string {
    return b64(this.mac(`customer\u0000${pin}`)).slice(0, 22);
  }

  /** `xq1.<claims>.<signature>` */
  sign(claims: QuoteClaims): string {
    const body = b64(
      JSON.stringify([claims.orderId, claims.skuId, claims.customer, claims.paidUnitFen, claims.prices, claims.quotedAt, claims.expiresAt]),
    );
    return `${PREFIX}.${body}.${b64(this.mac(`${PREFIX}.${body}`))}`;
  }

  /** The claims of a token this secret signed, or null for anything else (malformed, tampered, other secret). */
  verify(token: string): QuoteClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return null;
    const expected = this.mac(`${PREFIX}.${parts[1]}`);
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const [orderId, skuId, customer, paidUnitFen, prices, quotedAt, expiresAt] = JSON.parse(
        Buffer.from(parts[1], 'base64url').toString('utf8'),
      ) as unknown[];
      return { orderId, skuId, customer, paidUnitFen, prices, quotedAt, expiresAt } as QuoteClaims;
    } catch {
      return null;
    }
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest();
  }
}
