import type { IncomingMessage } from 'node:http';
import { eventually } from '../../../support/eventually';

/** The federation link every stub subgraph of the sharing tests declares. */
export const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A promise the test settles: the subgraphs' resolvers hold every answer until the test opens the gate. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The verified caller a subgraph request carries (the gateway's signed identity header, decoded). */
export const callerOf = (headers: IncomingMessage['headers']) =>
  JSON.parse(Buffer.from(String(headers['x-jd-identity']), 'base64url').toString('utf8')) as { kind: string; pin?: string };

/** Waits until every request has either reached the subgraph or joined one in flight: a state, not an amount of time. */
export const allArrived = (condition: () => Promise<boolean>) => eventually(condition, 'every request at the subgraph or joined', 15_000);
