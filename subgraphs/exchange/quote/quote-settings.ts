/** Quote settings read once at start-up (see config.ts). */
export interface QuoteSettings {
  /** How long a quote stays valid, in seconds (EXCHANGE_QUOTE_TTL_SECONDS). */
  ttlSeconds: number;
}

/** Default quote lifetime: 15 minutes, long enough to decide, short enough for prices to hold. */
export const DEFAULT_QUOTE_TTL_SECONDS = 900;

/** Options per source: 3 × 33 = 99 candidates, so a whole quote is one price call and one stock call (JD takes ≤ 100 SKUs). */
export const MAX_OPTIONS_PER_SOURCE = 33;
export const DEFAULT_OPTIONS_PER_SOURCE = 10;
