import { SANDBOX_PARTNER_KEY } from '../../gateway/config';
import { loadExamples } from '../../gateway/explorer';

/** A running server whose /explorer the browser test drives. */
export interface ExplorerTarget {
  /** e.g. http://127.0.0.1:41234; the explorer is at `${origin}/explorer`. */
  origin: string;
  /** Text the PartnerSupportOffices tab's result must show (an office name the server's directory holds). */
  partnerResultText: string;
  /** GraphQL requests the server received, when it can record them (the real gateway cannot). */
  graphqlRequests?: { method: string; headers: Record<string, string | string[] | undefined>; query?: string }[];
  stop(): Promise<void>;
}

/** The demo customer token the target pre-fills (any string works for the stub; the real gateway mints a JWT). */
export const DEMO_CUSTOMER_TOKEN = 'explorer-test-demo-customer-token';

/**
 * The server under test. Today: the stub gateway (explorer router + Apollo Server with the offices SDL).
 * Swap this for the real gateway on sandbox data once `npm start`'s in-process stack exists.
 */
export async function startExplorerTarget(): Promise<ExplorerTarget> {
  const { startStubGateway } = await import('./stub-gateway');
  return startStubGateway({
    examples: loadExamples(),
    demoCredentials: { partnerApiKey: SANDBOX_PARTNER_KEY, customerToken: DEMO_CUSTOMER_TOKEN },
    sandboxLabel: 'Sandbox: simulated JD data. A demo partner key and a demo customer token are pre-filled in each tab\'s headers.',
  });
}
