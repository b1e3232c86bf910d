import { Directive, Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Where an order ships. Owned by the orders subgraph; offices only reads the destination country to pick support contacts.',
})
export class ShippingAddress {
  // Resolved by the orders subgraph; @external lets Order.supportContacts @require it.
  @Directive('@external')
  @Field({ description: 'Destination country, ISO 3166-1 alpha-2 ("CN" for domestic orders). Provided by the orders subgraph.' })
  countryCode!: string;
}
