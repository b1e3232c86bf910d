import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { buildSchema } from '../../../subgraphs/offices/schema';
import { officesTestServer } from './offices-harness';

const { schema } = buildSchema();
// Federation and cache-control plumbing are not ours to describe; everything offices declares is.
const FOREIGN = new Set([
  '_Any',
  '_Entity',
  '_Service',
  'CacheControlScope',
  'link__Import',
  'link__Purpose',
  'federation__FieldSet',
  'FieldSet',
]);
const ours = (t: GraphQLNamedType) =>
  !isIntrospectionType(t) &&
  !isSpecifiedScalarType(t) &&
  !FOREIGN.has(t.name) &&
  !t.name.startsWith('link__') &&
  !t.name.startsWith('federation__');

describe('offices schema documentation', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap()).filter(ours)) {
      if (!type.description?.trim() && type.name !== 'Query') missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('nearestSupportOffice documents its fallback', () => {
    const field = schema.getQueryType()!.getFields().nearestSupportOffice;
    expect(field.description).toMatch(/FALLBACK for any other valid country.*\+86-10-5765-6666/);
    expect(getNamedType(field.type).name).toBe('SupportContacts');
  });
});

describe('offices cache-control hints', () => {
  const server = officesTestServer(new Date('2025-03-10T16:30:00Z'));
  afterAll(() => server.stop());

  it.each([
    ['{ supportOffices { id city address weeklyHours { day opensAt closesAt } } }', 'max-age=86400, public'],
    ['{ supportOffice(id: "london") { openAt(instant: "2025-03-10T10:00:00Z") } }', 'max-age=86400, public'],
    ['{ hotlines { number hoursDescription weeklyHours { day } } }', 'max-age=86400, public'],
    ['{ supportChannels { address } }', 'max-age=86400, public'],
    ['{ nearestSupportOffice(countryCode: "JP") { office { id } hotlines { number } channels { id } } }', 'max-age=86400, public'],
    ['{ supportOffice(id: "london") { openNow } }', 'max-age=60, public'],
    ['{ supportOffice(id: "london") { nextOpensAt } }', 'max-age=60, public'],
    ['{ hotlines { openNow } }', 'max-age=60, public'],
  ])('%s → %s', async (query, header) => {
    const res = await server.execute(query);
    expect(res.errors).toBeUndefined();
    expect(res.cacheControl).toBe(header);
  });

  it('entity fetches carry the same hints', async () => {
    const query =
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { supportContacts { match } } ... on SupportOffice { id city } } }';
    const order = await server.execute(query, { r: [{ __typename: 'Order', id: '1', shipTo: { countryCode: 'US' } }] });
    const office = await server.execute(query, { r: [{ __typename: 'SupportOffice', id: 'london' }] });
    expect(order.cacheControl).toBe('max-age=86400, public');
    expect(office.cacheControl).toBe('max-age=86400, public');
  });
});
