import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../kit';
import { SupportChannelResolver } from './channel/channel.resolver';
import { SupportContactsResolver } from './contacts/support-contacts.resolver';
import { HotlineResolver } from './hotline/hotline.resolver';
import { SupportOfficeResolver } from './office/office.resolver';
import { officeReference } from './office/office.reference';
import { orderReference } from './order/order.reference';
import { OrderSupportContactsResolver } from './order/order.resolver';
import { Order } from './order/order.type';

/** The offices subgraph schema and its SDL (what `npm run schema` writes to schema/offices.graphql). */
export function buildSchema(): { schema: GraphQLSchema; sdl: string } {
  return buildSubgraph({
    name: 'offices',
    resolvers: [SupportOfficeResolver, HotlineResolver, SupportChannelResolver, SupportContactsResolver, OrderSupportContactsResolver],
    // Order is only extended here (no query returns it), so it must be listed to be built.
    orphanedTypes: [Order],
    federationImports: ['@key', '@external', '@requires'],
    referenceResolvers: { SupportOffice: officeReference, Order: orderReference },
  });
}
