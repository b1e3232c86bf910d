/**
 * A load generator sends thousands of requests a second from one address, with one customer token or
 * partner key: the gateway's edge rate limits would refuse nearly all of them. Benches measure the
 * graph, not 429s, so they turn the limits off (the peers' gateways have none either).
 */
export const NO_EDGE_RATE_LIMITS = {
  PARTNER_RATE_LIMIT_PER_MINUTE: '0',
  CUSTOMER_RATE_LIMIT_PER_MINUTE: '0',
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0',
} as const;
