/**
 * Descriptions of entities that more than one subgraph declares. Composition keeps one text only
 * when every subgraph gives the same one, so the owner and its extenders read it from here.
 */
export const ENTITY_DESCRIPTIONS = {
  product:
    'A JD product (SKU) as far as the orders subgraph knows it. Other subgraphs extend it (the exchange subgraph adds the current price and stock).',
  productSkuId: 'JD SKU id (`skuId` in JD order lines and goods APIs), digits as a string.',
  afterSalesService:
    'A return, exchange or repair the customer filed against one order line. Read from JD ' +
    '`jingdong.afsservice.service.detail.get`; cached per customer for up to 15 seconds and refreshed at once ' +
    'after this graph applies or cancels. Only the customer who filed it can see it.',
  afterSalesServiceId: 'JD `afsServiceId`.',
} as const;

/**
 * The decision recorded on every field one subgraph adds to another's entity: it is nullable, so that
 * when the subgraph that resolves it is down or too slow only this field is lost, not the entity.
 */
export function partialResultNote(subgraph: string): string {
  return (
    `Nullable by design (partial results): null, with a SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT error naming the ${subgraph} subgraph, ` +
    'when that subgraph is down or too slow, so the rest of the answer survives.'
  );
}
