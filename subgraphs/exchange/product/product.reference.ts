import { productRef, type Product } from './product.type';

/** `_entities` for Product: nothing loads here; price and inStock each go through their batch loader. */
export const productReference = {
  __resolveReference(ref: { skuId: string }): Product {
    return productRef(String(ref.skuId));
  },
};
