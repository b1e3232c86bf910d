import DataLoader from 'dataloader';
import type { JdClient } from '../client';
import type { BatchDeps } from './batch';
import type { JdGraceTable, JdTtlTable } from './ttl';
import { NoCustomerError } from './errors';

/** What every loader factory needs: one request's view of the shared JD client, cache and stats. */
export interface LoaderDeps extends BatchDeps {
  client: JdClient;
  ttl: JdTtlTable;
  /** Stale-while-revalidate grace per method. */
  grace: JdGraceTable;
  /** The request's customer; private loaders refuse to run without one. */
  customerPin?: string;
}

/** Builds a private-data loader for the request's customer, or one that rejects every key when there is none. */
export function forCustomer<K, V>(deps: LoaderDeps, what: string, build: (pin: string) => DataLoader<K, V>): DataLoader<K, V> {
  const pin = deps.customerPin;
  if (!pin) return new DataLoader<K, V>(async (keys) => keys.map(() => new NoCustomerError(what)));
  return build(pin);
}
