import { encodeCursor } from './cursor';
import type { OrderConnection } from './order-connection.type';
import type { Order } from './order.type';

/** An order and its 0-based position in JD's full result list. */
export interface PositionedOrder {
  order: Order;
  position: number;
}

/**
 * Builds the connection. Cursors and hasNextPage follow JD positions (not the count shown), so a
 * record withheld from the page never shifts the next page.
 */
export function toConnection(entries: PositionedOrder[], windowEnd: number, total: number, filter: string): OrderConnection {
  const edges = entries.map(({ order, position }) => ({ node: order, cursor: encodeCursor({ offset: position + 1, filter }) }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: Math.min(windowEnd, total) < total,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}
