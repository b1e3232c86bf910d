import { JD_MAX_PAGE_SIZE } from '../../../jd/protocol';
import { BadUserInputError } from '../../kit';
import { decodeCursor } from './cursor';
import { jdStatesFor, OrderStatus } from './order-status';

/** Validated `Query.orders` arguments: where the page starts and which JD states it asks for. */
export interface OrdersWindow {
  offset: number;
  first: number;
  /** The status filter as written into cursors ('' for none). */
  filter: string;
  /** JD `order_state` values to search for; undefined for all states. */
  jdStates?: string[];
}

/** Checks first/after/status and turns them into a window; every problem is BAD_USER_INPUT naming the argument. */
export function parseOrdersArgs(args: { first?: number | null; after?: string | null; status?: OrderStatus | null }): OrdersWindow {
  const first = args.first ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > JD_MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 1 and ${JD_MAX_PAGE_SIZE} (JD's page size limit), got ${first}.`, ['first']);
  }
  const filter = args.status ?? '';
  let jdStates: string[] | undefined;
  if (args.status) {
    jdStates = jdStatesFor(args.status);
    if (jdStates.length === 0) {
      throw new BadUserInputError(`"status" ${args.status} cannot be searched: JD has no state for it.`, ['status']);
    }
  }
  let offset = 0;
  if (args.after != null) {
    const position = decodeCursor(args.after);
    if (!position) throw new BadUserInputError('"after" is not a cursor issued by Query.orders.', ['after']);
    if (position.filter !== filter) {
      throw new BadUserInputError('"after" was issued for a different "status" filter; start again without "after".', ['after']);
    }
    offset = position.offset;
  }
  return { offset, first, filter, jdStates };
}
