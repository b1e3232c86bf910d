import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DIRECTORY_CACHE } from '../cache-hints';
import { ShippingAddress } from './shipping-address.type';

// The orders subgraph owns Order; offices adds supportContacts, computed from the shipping country.
// Offices' part of an order is public directory data; orders marks Order PRIVATE and the gateway keeps the stricter policy.
@Directive('@key(fields: "id")')
@Directive(DIRECTORY_CACHE)
@ObjectType({
  description: 'A JD order (owned by the orders subgraph). The offices subgraph adds the support contacts for where it ships.',
})
export class Order {
  @Field(() => ID, { description: 'JD order id (`orderId`), digits as a string.' })
  id!: string;

  @Directive('@external')
  @Field(() => ShippingAddress, { description: 'Shipping destination, resolved by the orders subgraph; offices reads only countryCode.' })
  shipTo!: ShippingAddress;
}
