/**
 * The least a gateway on real JD data needs (JD_API_URL set: production, sandbox defaults refused):
 * secrets of the right length and a JWT issuer and audience. Never reaches JD; tests only read config.
 */
export const REAL_JD_GATEWAY_ENV = {
  JD_API_URL: 'https://api.jd.com/routerjson',
  SUBGRAPH_SIGNING_SECRET: 's'.repeat(32),
  JWT_HS256_SECRET: 'j'.repeat(32),
  JWT_ISSUER: 'https://id.example.com',
  JWT_AUDIENCE: 'jd-support-graph',
} as const;
