import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../kit';
import { AfterSalesServiceResolver } from './service/service.resolver';
import { afterSalesServiceReference } from './service/service.reference';
import { OrderAfterSalesResolver } from './order/order.resolver';
import { orderReference } from './order/order.reference';
import { ApplyForAfterSalesResolver } from './apply/apply.resolver';
import { CancelAfterSalesResolver } from './cancel/cancel.resolver';

/** The after-sales subgraph schema and its SDL (what `npm run schema` writes to schema/after-sales.graphql). */
export function buildSchema(): { schema: GraphQLSchema; sdl: string } {
  return buildSubgraph({
    name: 'after-sales',
    resolvers: [AfterSalesServiceResolver, OrderAfterSalesResolver, ApplyForAfterSalesResolver, CancelAfterSalesResolver],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: { AfterSalesService: afterSalesServiceReference, Order: orderReference },
  });
}
