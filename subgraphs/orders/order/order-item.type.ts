import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../kit';
import { Product } from '../product/product.type';

@ObjectType({ description: 'One line of an order (`itemInfoList` in jingdong.pop.order.get).' })
export class OrderItem {
  @Field(() => Product, { description: 'The SKU bought on this line.' })
  product!: Product;

  @Field(() => Int, { description: 'Units bought (JD `itemTotal`).' })
  quantity!: number;

  @Field(() => Money, { description: 'Unit price paid at order time (JD `jdPrice`), exact fen, CNY.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'unitPrice × quantity, computed in integer fen; excludes freight and order-level discounts.' })
  lineTotal!: Money;
}
