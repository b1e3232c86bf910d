import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Where an order ships, reduced to what support needs. Name and phone are masked here; the street address never leaves the subgraph.',
})
export class ShippingAddress {
  @Field({
    description: 'Consignee name, masked: first letter of the first name kept ("Z** San"), Chinese names keep the family name ("张*").',
  })
  recipientName!: string;

  @Field({
    description:
      'Consignee mobile (or landline when no mobile), masked: a mainland mobile keeps its first 3 and last 4 digits ("138****0000"), any other number only its last 4 ("+*******0986"). Empty string when JD has none.',
  })
  phone!: string;

  @Field({
    description:
      'Destination country, ISO 3166-1 alpha-2 ("CN" for domestic orders). Used by the offices subgraph to pick support contacts.',
  })
  countryCode!: string;

  @Field({ description: 'Province and city as JD recorded them (e.g. "北京 朝阳区"); never the district or street.' })
  region!: string;
}
