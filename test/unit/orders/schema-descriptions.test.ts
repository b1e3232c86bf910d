import { isEnumType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { buildSchema } from '../../../subgraphs/orders/schema';

// Types the orders subgraph owns; kit and federation types are documented by their owners.
const OWN = ['Order', 'OrderItem', 'OrderStatus', 'ShippingAddress', 'OrderConnection', 'OrderEdge', 'OrderPageInfo', 'Product', 'Shop'];

describe('orders schema documentation', () => {
  const { schema } = buildSchema();

  it('has every owned type', () => {
    for (const name of OWN) expect(schema.getType(name)).toBeDefined();
  });

  it('describes every owned type, field, argument and enum value', () => {
    const missing: string[] = [];
    const need = (where: string, text: string | null | undefined) => {
      if (!text || text.trim().length < 10) missing.push(where);
    };
    for (const name of OWN) {
      const type = schema.getType(name)!;
      need(name, type.description);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(`${name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : []) need(`${name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) need(`${name}.${value.name}`, value.description);
      expect(isScalarType(type)).toBe(false);
    }
    for (const field of ['order', 'orders']) {
      const f = schema.getQueryType()!.getFields()[field];
      need(`Query.${field}`, f.description);
      for (const arg of f.args) need(`Query.${field}(${arg.name})`, arg.description);
    }
    expect(missing).toEqual([]);
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
