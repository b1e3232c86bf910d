import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context';
import { Product } from './product.type';

@Resolver(() => Product)
export class ProductResolver {
  // Reached through an order the name is already known; by reference it costs one batched goods lookup.
  @FieldResolver(() => String, { nullable: true })
  name(@Root() product: Product, @Ctx() ctx: OrdersContext): Promise<string | null> | string | null {
    return product.name !== undefined ? product.name : ctx.orders.productName(product.skuId);
  }
}
