import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'The JD seller (POP vendor) an order was bought from.' })
export class Shop {
  @Field(() => ID, { description: 'JD vendor id (`venderId` on the order), digits as a string.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Shop name from JD goods info of a product bought in this order (jd.union.open.goods.promotiongoodsinfo.query, cached for minutes). ' +
      'Null when the shop is reached by id alone (JD offers no lookup by vendor id) or JD no longer knows the product.',
  })
  name?: string | null;

  /** A SKU bought from this shop: the only way to learn the shop's name from JD. Not exposed. */
  skuHint?: string;
}
