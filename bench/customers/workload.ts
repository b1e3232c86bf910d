/** The customers bench's request mix: 60% dashboard, 20% order detail, 10% directory, 10% exchange quote, over N customers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExample } from '../graph/queries';
import type { PlannedRequest } from './open-loop';
import type { CustomerOrders } from './sandbox-child';

export const MIX = [
  { kind: 'dashboard', weight: 60 },
  { kind: 'order detail', weight: 20 },
  { kind: 'directory', weight: 10 },
  { kind: 'exchange quote', weight: 10 },
] as const;

const persisted = (file: string) => readFileSync(join(__dirname, '..', '..', 'persisted-operations', file), 'utf8');

/** A small seeded generator (mulberry32), so two runs send the same sequence. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns `next()`: each call picks a kind by the mix and a customer uniformly at random. */
export function mixedWorkload(gatewayUrl: string, customers: (CustomerOrders & { token: string })[], seed = 15): () => PlannedRequest {
  const random = rng(seed);
  const dashboard = readExample('customer/01-dashboard.graphql');
  const directory = readExample('partner/01-support-offices.graphql');
  const detail = persisted('order-detail.graphql');
  const quote = persisted('exchange-quote.graphql');
  const withOrders = customers.filter((c) => c.orders.length > 0);
  if (withOrders.length === 0) throw new Error('no customer has an order: raise JD_SANDBOX_ORDERS_PER_CUSTOMER');
  const post = (kind: string, body: object, token?: string): PlannedRequest => ({
    kind,
    method: 'POST',
    url: gatewayUrl,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const total = MIX.reduce((a, m) => a + m.weight, 0);
  return () => {
    let roll = random() * total;
    const kind = MIX.find((m) => (roll -= m.weight) < 0)?.kind ?? 'dashboard';
    const customer = pick(withOrders);
    const [orderId, skuId] = pick(customer.orders);
    switch (kind) {
      case 'dashboard':
        return post(kind, { query: dashboard.query, variables: dashboard.variables }, customer.token);
      case 'order detail':
        return post(kind, { query: detail, variables: { id: orderId } }, customer.token);
      case 'exchange quote':
        return post(kind, { query: quote, variables: { orderId, skuId } }, customer.token);
      default:
        return post(kind, { query: directory.query, variables: directory.variables });
    }
  };
}
