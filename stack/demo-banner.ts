/** What `npm start` prints once everything listens: where things are and credentials to paste. */
import { issueCustomerToken } from '../gateway/auth';
import { SANDBOX_PARTNER_KEY } from '../config';
import { DEMO_PINS } from '../jd/sandbox';
import type { RunningStack } from './start-stack';

/** The demo query the banner's curl example sends: the signed-in customer's latest orders with their support contacts. */
export const DEMO_QUERY =
  '{ orders(first: 3) { edges { node { id status total { amount currency } supportContacts { office { city } } } } } }';

/** Builds the start-up banner; the customer token is minted with the gateway's own JWT settings. */
export async function demoBanner(stack: RunningStack): Promise<string> {
  const { urls, config } = stack;
  const lines = [
    '',
    'JD Support Graph is up.',
    '',
    `  Gateway     ${urls.gateway}   (GET/POST; health ${urls.gatewayBase}/health/ready${stack.gateway.metricsUrl ? `, metrics ${stack.gateway.metricsUrl}` : ''})`,
    ...(config.gateway.explorer.enabled ? [`  Explorer    ${urls.gatewayBase}/explorer   (GraphiQL in the browser)`] : []),
    ...Object.entries(urls.subgraphs).map(([name, url]) => `  ${name.padEnd(11)} ${url}   (signed gateway requests only)`),
    urls.sandbox
      ? `  JD sandbox  ${urls.jdRouter}   (offline JD; stats at ${urls.sandbox}/__sandbox/stats)`
      : `  JD          ${urls.jdRouter}   (real JD Open Platform)`,
    '',
  ];
  const jwt = config.gateway.jwt;
  const partner = config.gateway.partnerKeys.find((k) => k.key === SANDBOX_PARTNER_KEY);
  if (jwt.hs256Secret !== undefined) {
    const token = await issueCustomerToken(jwt, DEMO_PINS.alice);
    lines.push(
      `Demo customer ${DEMO_PINS.alice} (valid 12 h; mint another with \`npm run --silent token -- ${DEMO_PINS.bob}\`):`,
      `  export TOKEN=${token}`,
      '',
      'Try it:',
      `  curl -s ${urls.gateway} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `    -d '{"query":"${DEMO_QUERY}"}'`,
      '',
      'Anonymous callers see the public support directory:',
      `  curl -s ${urls.gateway} -H 'content-type: application/json' -d '{"query":"{ nearestSupportOffice(countryCode: \\"DE\\") { office { city phone } } }"}'`,
    );
  } else {
    lines.push('Customer tokens come from your identity provider (JWT_JWKS_URL / JWT_JWKS_FILE).');
  }
  if (partner) lines.push('', `Sandbox partner key (scopes ${partner.scopes.join(', ')}): -H 'x-api-key: ${partner.key}'`);
  lines.push('', 'Ctrl-C drains requests in flight and stops everything.', '');
  return lines.join('\n');
}
