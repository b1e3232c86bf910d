import { JD_CALL_WEIGHT } from '../../kit';
import { ExchangeOptionSource } from './quote.enums';

/** The sources a quote can draw options from (cart, same shop, bestsellers). */
export const QUOTE_SOURCES = Object.keys(ExchangeOptionSource).length;

/**
 * The demand-control weight of a quote: its own JD calls (order get, the original's goods facts, the
 * rankings, the cart). The candidates' price and stock are priced on Product.price and inStock.
 */
export const QUOTE_WEIGHT = 4 * JD_CALL_WEIGHT;
