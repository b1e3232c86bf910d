import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../kit';

/** The orders subgraph owns Product; exchange adds the current price and stock, keyed by skuId. */
@Directive('@key(fields: "skuId")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.product,
})
export class Product {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.productSkuId })
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
