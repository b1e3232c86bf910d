import { registerEnumType } from 'type-graphql';

/**
 * Where an exchange option comes from. Declaration order is the de-duplication precedence. GraphQL
 * calls it `ExchangeSource`; in code that name is the subgraph's JD data source, so the enum says "option".
 */
export enum ExchangeOptionSource {
  CART = 'CART',
  SAME_SHOP = 'SAME_SHOP',
  BESTSELLER = 'BESTSELLER',
}

/** Which way money moves when the customer takes an option. */
export enum ExchangeDirection {
  PAY_EXTRA = 'PAY_EXTRA',
  REFUND = 'REFUND',
  EVEN = 'EVEN',
}

/** Sources in precedence order: a SKU offered by several sources is listed under the first. */
export const SOURCE_PRECEDENCE: readonly ExchangeOptionSource[] = [
  ExchangeOptionSource.CART,
  ExchangeOptionSource.SAME_SHOP,
  ExchangeOptionSource.BESTSELLER,
];

registerEnumType(ExchangeOptionSource, {
  name: 'ExchangeSource',
  description:
    'Where an exchange option comes from. A SKU offered by several sources is listed once, under the first of CART, SAME_SHOP, BESTSELLER ' +
    "(the customer's own choice first, then the shop they bought from, then the platform).",
  valuesConfig: {
    CART: {
      description:
        "An item in the customer's own JD cart (JD sandbox extension `jd.sandbox.cart.get`; JD publishes no cart API), in the order JD lists the cart.",
    },
    SAME_SHOP: {
      description:
        'A bestseller of the shop the original item was bought from (`jd.union.open.goods.rank.query` with the shop id), best first.',
    },
    BESTSELLER: { description: 'A platform-wide bestseller (`jd.union.open.goods.rank.query` without a shop id), best first.' },
  },
});

registerEnumType(ExchangeDirection, {
  name: 'ExchangeDirection',
  description: "Which way the price difference is settled, from the customer's point of view.",
  valuesConfig: {
    PAY_EXTRA: { description: 'The target costs more than the customer paid for the original: the customer pays the difference.' },
    REFUND: { description: 'The target costs less than the customer paid for the original: the customer is refunded the difference.' },
    EVEN: { description: 'Same price to the fen: nothing is paid or refunded.' },
  },
});
