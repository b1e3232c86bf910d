import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ShippingAddress } from './shipping-address.type';

// The orders subgraph owns Order; offices adds supportContacts, computed from the shipping country.
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A JD order (owned by the orders subgraph). The offices subgraph adds the support contacts for where it ships.' })
export class Order {
  @Field(() => ID, { description: 'JD order id (`orderId`), digits as a string.' })
  id!: string;

  @Directive('@external')
  @Field(() => ShippingAddress, { description: 'Shipping destination, resolved by the orders subgraph; offices reads only countryCode.' })
  shipTo!: ShippingAddress;
}
