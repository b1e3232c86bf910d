import type { IncomingMessage } from 'node:http';
import { eventually } from '../../../support/eventually';
import { loadGatewayConfig } from '../../../../gateway/config';
import { issueCustomerToken } from '../../../../gateway/auth';
import { startStubSubgraph, type StubSubgraph } from './stub-subgraph';
import { startGateway, type Harness } from './gateway-harness';

/** The federation link every stub subgraph of the sharing tests declares. */
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A promise the test settles: the subgraphs' resolvers hold every answer until the test opens the gate. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The verified caller a subgraph request carries (the gateway's signed identity header, decoded). */
export const callerOf = (headers: IncomingMessage['headers']) =>
  JSON.parse(Buffer.from(String(headers['x-jd-identity']), 'base64url').toString('utf8')) as { kind: string; pin?: string };

/** Waits until every request has either reached the subgraph or joined one in flight: a state, not an amount of time. */
export const allArrived = (condition: () => Promise<boolean>) => eventually(condition, 'every request at the subgraph or joined', 15_000);

/**
 * Two stub subgraphs whose resolvers hold their answers until `open()`, behind a gateway: orders
 * (`whoami(tag)`, answering with the verified caller, the tag and any accept-language but `*`;
 * `order`; the mutation `touch`) and notes (`Order.note`, the writes seen so far).
 */
export interface HeldGraph {
  orders: StubSubgraph;
  notes: StubSubgraph;
  h: Harness;
  alice: string;
  bob: string;
  /** Mutations the orders subgraph has run. */
  writes(): number;
  /** Lets every held answer (and any later one) go. */
  open(): void;
  /** Before each test: forget what the subgraphs received, and hold answers again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startHeldGraph(env: Record<string, string> = {}): Promise<HeldGraph> {
  let held = gate();
  let writes = 0;
  const context = (req: IncomingMessage) => ({ caller: callerOf(req.headers), language: req.headers['accept-language'] });
  type Ctx = { caller: ReturnType<typeof callerOf>; language?: string };
  const orders = await startStubSubgraph(
    'orders',
    `${FEDERATION}
     type Query { whoami(tag: String): String order: Order }
     type Mutation { touch(tag: String): Order }
     type Order @key(fields: "id") { id: ID! }`,
    {
      Query: {
        whoami: async (_: unknown, args: { tag?: string }, ctx: unknown) => {
          await held.opened;
          const { caller, language } = ctx as Ctx;
          // Node's fetch sends accept-language: * unless told otherwise.
          return `${caller.pin ?? caller.kind}:${args.tag ?? ''}${language && language !== '*' ? `:${language}` : ''}`;
        },
        order: async () => {
          await held.opened;
          return { id: 'order-1' };
        },
      },
      Mutation: {
        touch: async () => {
          writes++;
          await held.opened;
          return { id: 'order-1' };
        },
      },
    },
    { context },
  );
  const notes = await startStubSubgraph(
    'notes',
    `${FEDERATION}
     type Order @key(fields: "id") { id: ID! note: String }`,
    {
      Order: {
        __resolveReference: async (ref: { id: string }) => {
          await held.opened;
          return { id: ref.id, note: `writes so far: ${writes}` };
        },
      },
    },
    { context },
  );
  const h = await startGateway([orders, notes], env);
  const jwt = loadGatewayConfig({}).jwt;
  const [alice, bob] = await Promise.all([issueCustomerToken(jwt, 'jd_demo_alice'), issueCustomerToken(jwt, 'jd_demo_bob')]);
  return {
    orders,
    notes,
    h,
    alice,
    bob,
    writes: () => writes,
    open: () => held.open(),
    reset: () => {
      orders.received.length = 0;
      notes.received.length = 0;
      held = gate();
    },
    close: async () => {
      await h.close();
      await Promise.all([orders.stop(), notes.stop()]);
    },
  };
}
