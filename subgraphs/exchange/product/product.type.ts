import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph owns Product; exchange adds the current price and stock, keyed by skuId. */
@Directive('@key(fields: "skuId")')
// Descriptions match the owner's (orders) so composition keeps one text.
@ObjectType({
  description:
    'A JD product (SKU) as far as the orders subgraph knows it. Other subgraphs extend it (the exchange subgraph adds the current price and stock).',
})
export class Product {
  @Field(() => ID, { description: 'JD SKU id (`skuId` in JD order lines and goods APIs), digits as a string.' })
  skuId!: string;

  /** Already known price (fen) when the product was built from a quote; undefined means "load it". */
  knownPriceFen?: number | null;
  /** Already known stock when built from a quote; undefined means "load it". */
  knownInStock?: boolean | null;
}

/** A Product reference, optionally carrying figures already loaded for it. */
export function productRef(skuId: string, known: { priceFen?: number | null; inStock?: boolean | null } = {}): Product {
  const product = new Product();
  product.skuId = skuId;
  if ('priceFen' in known) product.knownPriceFen = known.priceFen;
  if ('inStock' in known) product.knownInStock = known.inStock;
  return product;
}
