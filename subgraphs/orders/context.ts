import type { BaseContext, LoadersFactory } from '../kit';
import { OrdersSource } from './data/orders.source';

/** What every orders resolver receives: the verified identity plus this request's JD data source. */
export interface OrdersContext extends BaseContext {
  orders: OrdersSource;
}

/** Per request: a fresh data source whose loaders (and their DataLoader caches) live only as long as the request. */
export function createOrdersContext(base: BaseContext, createLoaders: LoadersFactory): OrdersContext {
  return { ...base, orders: new OrdersSource(base, createLoaders) };
}
