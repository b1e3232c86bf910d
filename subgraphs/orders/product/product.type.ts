import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "skuId")')
@ObjectType({
  description:
    'A JD product (SKU) as far as the orders subgraph knows it. Other subgraphs extend it (the exchange subgraph adds the current price and stock).',
})
export class Product {
  @Field(() => ID, { description: 'JD SKU id (`skuId` in JD order lines and goods APIs), digits as a string.' })
  skuId!: string;

  // Shareable: the product name is a JD goods fact that other subgraphs may also resolve.
  @Directive('@shareable')
  @Field(() => String, {
    nullable: true,
    description:
      'Product name in the language JD recorded it. From the order line (`skuName`, jingdong.pop.order.get) when reached through an order; ' +
      'otherwise from JD goods info (jd.union.open.goods.promotiongoodsinfo.query, cached for minutes). Null when JD no longer knows the SKU.',
  })
  name?: string | null;
}
