import { issueCustomerToken } from '../auth';
import { SANDBOX_PARTNER_KEY } from '../../config';
import type { GatewayConfig } from '../config';
import { loadExamples } from './examples';
import type { ExplorerOptions } from './router';
import type { DemoCredentials } from './tabs';

/** The sandbox's demo customer (jd/sandbox seeds jd_demo_alice and jd_demo_bob with hand-shaped orders). */
export const DEMO_CUSTOMER_PIN = 'jd_demo_alice';

/** Demo credentials only on sandbox data: the public sandbox partner key if configured, and a token minted with the gateway's own HS256 secret. */
export async function sandboxDemoCredentials(config: GatewayConfig, customerPin = DEMO_CUSTOMER_PIN): Promise<DemoCredentials | undefined> {
  if (config.deployment.data !== 'sandbox') return undefined; // real JD data: nothing pre-filled, ever
  const partnerApiKey = config.partnerKeys.some((k) => k.key === SANDBOX_PARTNER_KEY) ? SANDBOX_PARTNER_KEY : undefined;
  const customerToken = config.jwt.hs256Secret !== undefined ? await issueCustomerToken(config.jwt, customerPin) : undefined;
  return partnerApiKey || customerToken ? { partnerApiKey, customerToken } : undefined;
}

/** Everything createExplorerRouter needs, read once at gateway start-up. */
export async function explorerOptionsFor(
  config: GatewayConfig,
  graphqlPath = '/graphql',
  customerPin = DEMO_CUSTOMER_PIN,
): Promise<ExplorerOptions> {
  const demoCredentials = await sandboxDemoCredentials(config, customerPin);
  const sandboxLabel =
    config.deployment.data !== 'sandbox'
      ? undefined
      : `Sandbox: simulated JD data, nothing real is touched.${demoCredentials ? ` Tabs open with a demo partner key and a token for the demo customer ${customerPin}.` : ''}`;
  return { graphqlPath, examples: loadExamples(), demoCredentials, sandboxLabel };
}
