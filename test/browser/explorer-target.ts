/** A running server whose /explorer the browser test drives. */
export interface ExplorerTarget {
  /** e.g. http://127.0.0.1:41234; the explorer is at `${origin}/explorer`. */
  origin: string;
  /** Text the PartnerSupportOffices tab's result must show (an office name the server's directory holds). */
  partnerResultText: string;
  /** GraphQL requests the server received, when it can record them (the real gateway does not). */
  graphqlRequests?: { method: string; headers: Record<string, string | string[] | undefined>; query?: string }[];
  stop(): Promise<void>;
}

/**
 * The server under test, chosen by EXPLORER_TEST_TARGET:
 *  - `stack` (default): the whole graph in-process (npm start's stack on free ports), /explorer as the gateway serves it;
 *  - `stub`: the explorer router exactly as the gateway configures it on sandbox data, next to an Apollo
 *    Server with the offices SDL, which also records the requests the page sends.
 */
export async function startExplorerTarget(): Promise<ExplorerTarget> {
  const kind = process.env.EXPLORER_TEST_TARGET ?? 'stack';
  if (kind === 'stack') return (await import('./stack-target')).startStackTarget();
  if (kind === 'stub') return (await import('./stub-gateway')).startStubGateway();
  throw new Error(`EXPLORER_TEST_TARGET must be "stub" or "stack", not "${kind}"`);
}
