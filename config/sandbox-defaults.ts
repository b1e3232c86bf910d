/**
 * Every public, sandbox-only default in one place. They are not secrets: they let `npm start` run
 * with no configuration, and every loader refuses them once the deployment mode is production
 * (NODE_ENV=production or real JD data).
 */

/** HMAC key the gateway signs the caller's identity with and the subgraphs verify. */
export const SANDBOX_SUBGRAPH_SIGNING_SECRET = 'sandbox-subgraph-signing-secret';

/** Customer tokens on sandbox data: HS256 with this key, issuer and audience. */
export const SANDBOX_JWT_HS256_SECRET = 'sandbox-jwt-hs256-secret-not-for-production';
export const SANDBOX_JWT_ISSUER = 'jd-support-graph-sandbox';
export const SANDBOX_JWT_AUDIENCE = 'jd-support-graph';

/** The demo partner's API key (scope directory:read). */
export const SANDBOX_PARTNER_KEY = 'sandbox-partner-key';

/** Signs exchange quotes, so a quote cannot be edited between quoting and requesting. */
export const SANDBOX_QUOTE_SECRET = 'sandbox-exchange-quote-secret';

/** What the embedded JD sandbox accepts and an un-configured JD client sends; they never reach JD. */
export const SANDBOX_JD_CREDENTIALS = {
  appKey: 'sandbox-app-key',
  appSecret: 'sandbox-app-secret',
  accessToken: 'sandbox-access-token',
} as const;

/** Where the JD sandbox listens, and where a JD client without JD_API_URL looks for it. */
export const SANDBOX_JD_PORT = 4010;
