import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../kit';
import { orderReference } from './order/order.reference';
import { OrderExchangeResolver } from './order/order.resolver';
import { productReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';
import { ExchangeQuoteResolver } from './quote/quote.resolver';
import { RequestExchangeResolver } from './request/request.resolver';

/** The exchange subgraph schema and its SDL (what `npm run schema` writes to schema/exchange.graphql). */
export function buildSchema(): { schema: GraphQLSchema; sdl: string } {
  return buildSubgraph({
    name: 'exchange',
    resolvers: [ExchangeQuoteResolver, OrderExchangeResolver, ProductResolver, RequestExchangeResolver],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: { Order: orderReference, Product: productReference },
  });
}
