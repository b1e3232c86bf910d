import { isObjectType, isScalarType } from 'graphql';
import { buildSchema } from '../../../subgraphs/orders/schema';
import { missingDescriptions } from '../../support/schema-descriptions';

// Types the orders subgraph owns; kit and federation types are documented by their owners.
const OWN = ['Order', 'OrderItem', 'OrderStatus', 'ShippingAddress', 'OrderConnection', 'OrderEdge', 'OrderPageInfo', 'Product', 'Shop'];

describe('orders schema documentation', () => {
  const { schema } = buildSchema();

  it('has every owned type', () => {
    for (const name of OWN) expect(schema.getType(name)).toBeDefined();
  });

  it('describes every owned type, field, argument and enum value', () => {
    expect(missingDescriptions(schema, OWN, ['Query.order', 'Query.orders'])).toEqual([]);
    for (const name of OWN) expect(isScalarType(schema.getType(name))).toBe(false);
  });

  it('keys the entities other subgraphs extend, and exposes exactly the ShippingAddress contract', () => {
    const { sdl } = buildSchema();
    expect(sdl).toMatch(/type Order\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Product\s+@key\(fields: "skuId"\)/);
    expect(sdl).toMatch(/type Shop\s+@key\(fields: "id"\)/);
    const shipTo = schema.getType('ShippingAddress');
    expect(isObjectType(shipTo) && Object.keys(shipTo.getFields())).toEqual(['recipientName', 'phone', 'countryCode', 'region']);
    expect(String(isObjectType(shipTo) && shipTo.getFields().countryCode.type)).toBe('String!');
  });
});
