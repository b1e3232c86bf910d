import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../kit';
import { orderReference } from './order/order.reference';
import { OrderResolver } from './order/order.resolver';
import { productReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';
import { shopReference } from './shop/shop.reference';
import { ShopResolver } from './shop/shop.resolver';

/** The orders subgraph schema and its SDL (what `npm run schema` writes to schema/orders.graphql). */
export function buildSchema(): { schema: GraphQLSchema; sdl: string } {
  return buildSubgraph({
    name: 'orders',
    resolvers: [OrderResolver, ProductResolver, ShopResolver],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: { Order: orderReference, Product: productReference, Shop: shopReference },
  });
}
