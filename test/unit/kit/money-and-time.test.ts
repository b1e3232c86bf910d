import { GraphQLError, Kind } from 'graphql';
import * as protocolMoney from '../../../jd/protocol';
import {
  DateTimeScalar,
  formatFen,
  isIsoDateTime,
  Money,
  money,
  parseFen,
  shanghaiToIso,
  userError,
  UserError,
} from '../../../subgraphs/kit';

describe('Money', () => {
  it('re-exports the protocol parser and formatter rather than a second implementation', () => {
    expect(parseFen).toBe(protocolMoney.parseFen);
    expect(formatFen).toBe(protocolMoney.formatFen);
  });

  it('parses and formats exactly', () => {
    expect(parseFen('199.00')).toBe(19900);
    expect(parseFen('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(formatFen(19900)).toBe('199.00');
    expect(formatFen(-5)).toBe('-0.05');
    expect(() => parseFen('1.999')).toThrow();
    expect(() => parseFen('abc')).toThrow();
  });

  it('money() builds the GraphQL shape from integer fen', () => {
    const m = money(19900);
    expect(m).toBeInstanceOf(Money);
    expect({ ...m }).toEqual({ amount: '199.00', currency: 'CNY', minorUnits: 19900 });
    expect({ ...money(-5, 'HKD') }).toEqual({ amount: '-0.05', currency: 'HKD', minorUnits: -5 });
    expect(() => money(1.5)).toThrow();
  });

  it('userError() builds a UserError', () => {
    const e = userError('QUANTITY_EXCEEDS_PURCHASED', 'Only 2 bought', ['input', 'quantity']);
    expect(e).toBeInstanceOf(UserError);
    expect({ ...e }).toEqual({ field: ['input', 'quantity'], code: 'QUANTITY_EXCEEDS_PURCHASED', message: 'Only 2 bought' });
    expect(userError('X', 'y').field).toBeNull();
  });
});

describe('shanghaiToIso', () => {
  it('adds the +08:00 offset to JD wall-clock strings', () => {
    expect(shanghaiToIso('2025-05-05 14:00:00')).toBe('2025-05-05T14:00:00+08:00');
    expect(shanghaiToIso('2025-01-01 00:00:00')).toBe('2025-01-01T00:00:00+08:00');
    expect(shanghaiToIso('2025-05-05 14:00:00.250+0800')).toBe('2025-05-05T14:00:00.250+08:00');
  });

  it('names the same instant', () => {
    expect(new Date(shanghaiToIso('2025-05-05 14:00:00')).toISOString()).toBe('2025-05-05T06:00:00.000Z');
  });

  it('throws on malformed or impossible times', () => {
    expect(() => shanghaiToIso('2025-02-30 10:00:00')).toThrow(/not a JD/);
    expect(() => shanghaiToIso('2025-05-05T14:00:00')).toThrow();
    expect(() => shanghaiToIso('')).toThrow();
  });
});

describe('DateTime scalar', () => {
  it('serializes Dates, ISO strings with offset and JD strings', () => {
    expect(DateTimeScalar.serialize(new Date('2025-05-05T06:00:00Z'))).toBe('2025-05-05T06:00:00.000Z');
    expect(DateTimeScalar.serialize('2025-05-05T14:00:00+08:00')).toBe('2025-05-05T14:00:00+08:00');
    expect(DateTimeScalar.serialize('2025-05-05 14:00:00')).toBe('2025-05-05T14:00:00+08:00');
  });

  it('refuses to serialize anything else', () => {
    for (const bad of ['2025-05-05T14:00:00', 'tomorrow', 42, new Date('nope'), null]) {
      expect(() => DateTimeScalar.serialize(bad)).toThrow(GraphQLError);
    }
  });

  it('parses ISO-8601 with offset into a Date, from variables and literals', () => {
    expect(DateTimeScalar.parseValue('2025-05-05T14:00:00+08:00')).toEqual(new Date('2025-05-05T06:00:00Z'));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2025-05-05T06:00:00Z' })).toEqual(new Date('2025-05-05T06:00:00Z'));
  });

  it('refuses input without offset or with impossible values, as BAD_USER_INPUT', () => {
    for (const bad of ['2025-05-05T14:00:00', '2025-02-30T00:00:00Z', '2025-05-05T24:00:00Z', '2025-05-05 14:00:00', 1746424800]) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(GraphQLError);
  });

  it('isIsoDateTime validates calendar and offset', () => {
    expect(isIsoDateTime('2024-02-29T23:59:59.123456-05:30')).toBe(true);
    expect(isIsoDateTime('2023-02-29T00:00:00Z')).toBe(false);
    expect(isIsoDateTime('2024-01-01T00:00:00+24:00')).toBe(false);
  });
});
