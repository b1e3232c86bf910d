import type { Shop } from './shop.type';

/** Shops by id alone: the id is all JD lets us know without a product, so `name` resolves to null. */
export const shopReference = {
  __resolveReference(ref: { id: string }): Shop {
    return { id: String(ref.id) };
  },
};
