import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Money, money, cost, JD_BATCHED_WEIGHT, partialResultNote } from '../../kit';
import type { ExchangeContext } from '../context';
import { PRODUCT_FIGURES_CACHE } from './product.cache';
import { Product } from './product.type';

@Resolver(() => Product)
export class ProductResolver {
  @Directive(PRODUCT_FIGURES_CACHE)
  @Directive(cost(JD_BATCHED_WEIGHT))
  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'Current JD selling price (`jingdong.ware.price.get`, batched up to 100 SKUs a call, cached by the JD layer for up to 30 seconds), ' +
      'exact fen, CNY. Null when JD does not know the SKU or no longer sells it (JD answers -1.00). Public: needs no customer. ' +
      partialResultNote('exchange'),
  })
  async price(@Root() product: Product, @Ctx() ctx: ExchangeContext): Promise<Money | null> {
    const fen = product.knownPriceFen !== undefined ? product.knownPriceFen : await ctx.exchange.priceFen(product.skuId);
    return fen === null ? null : money(fen);
  }

  @Directive(PRODUCT_FIGURES_CACHE)
  @Directive(cost(JD_BATCHED_WEIGHT))
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether JD has the SKU in stock now (`jingdong.ware.stock.batch.get`, stock state 33 = in stock, batched up to 100 SKUs a call, ' +
      'cached by the JD layer for up to 15 seconds). Null when JD does not know the SKU. Public: needs no customer. ' +
      partialResultNote('exchange'),
  })
  async inStock(@Root() product: Product, @Ctx() ctx: ExchangeContext): Promise<boolean | null> {
    return product.knownInStock !== undefined ? product.knownInStock : ctx.exchange.inStock(product.skuId);
  }
}
