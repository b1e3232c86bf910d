import { createHash } from 'node:crypto';
import type { ExampleOperation } from './examples';

/** Demo credentials of a sandbox gateway; never set them with real JD data. */
export interface DemoCredentials {
  /** Sent as `x-api-key` on partner tabs. */
  partnerApiKey?: string;
  /** A customer JWT, sent as `Authorization: Bearer …` on customer and mobile tabs. */
  customerToken?: string;
}

export interface ExplorerTab {
  query: string;
  variables: string;
  headers: string;
}

/** What the page fetches from config.json. */
export interface ExplorerClientConfig {
  graphqlPath: string;
  sandboxLabel?: string;
  storageNamespace: string;
  tabs: ExplorerTab[];
}

/** Headers a tab opens with: the credential its group needs, when a demo one exists. */
export function headersFor(example: ExampleOperation, demo: DemoCredentials = {}): Record<string, string> {
  if (example.group === 'partner') return demo.partnerApiKey ? { 'x-api-key': demo.partnerApiKey } : {};
  return demo.customerToken ? { authorization: `Bearer ${demo.customerToken}` } : {};
}

/** One GraphiQL tab per example, in order, with pre-filled headers only when demo credentials are given. */
export function explorerClientConfig(
  graphqlPath: string,
  examples: ExampleOperation[],
  demo?: DemoCredentials,
  sandboxLabel?: string,
): ExplorerClientConfig {
  const tabs = examples.map((e) => ({ query: e.query, variables: e.variables, headers: JSON.stringify(headersFor(e, demo), null, 2) }));
  // Tabs are keyed by content (not credentials), so GraphiQL's stored tabs reset when the examples change.
  const storageNamespace = createHash('sha256')
    .update(JSON.stringify(examples.map((e) => [e.query, e.variables])))
    .digest('hex')
    .slice(0, 12);
  return { graphqlPath, sandboxLabel, storageNamespace, tabs };
}
