import type { Product } from './product.type';

/** Products are public facts: any identity may resolve one; the name loads lazily when asked for. */
export const productReference = {
  __resolveReference(ref: { skuId: string }): Product {
    return { skuId: String(ref.skuId) };
  },
};
