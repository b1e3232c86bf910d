import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context';
import { Shop } from './shop.type';

@Resolver(() => Shop)
export class ShopResolver {
  // JD has no shop lookup by vendor id; a product bought in the shop carries its name.
  @FieldResolver(() => String, { nullable: true })
  name(@Root() shop: Shop, @Ctx() ctx: OrdersContext): Promise<string | null> | string | null {
    if (shop.name !== undefined) return shop.name;
    return shop.skuHint ? ctx.orders.shopNameViaSku(shop.skuHint) : null;
  }
}
