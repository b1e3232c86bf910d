import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../kit';

@Directive('@key(fields: "skuId")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.product,
})
export class Product {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.productSkuId })
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
