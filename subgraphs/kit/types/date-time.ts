import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatShanghai, parseShanghai } from '../../../jd/protocol';

// Date and time with an explicit offset (Z or ±hh:mm); a bare local time would be ambiguous.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** JD's Asia/Shanghai wall-clock string -> ISO-8601 with +08:00, e.g. '2025-05-05 14:00:00' -> '2025-05-05T14:00:00+08:00'. */
export function shanghaiToIso(jd: string): string {
  const date = parseShanghai(jd.trim());
  if (!date) throw new Error(`not a JD Asia/Shanghai time: ${JSON.stringify(jd)}`);
  // The wall-clock arithmetic lives in jd/protocol; here it is only re-punctuated as ISO-8601.
  const [day, time] = formatShanghai(date).split(' ');
  const millis = date.getUTCMilliseconds() ? `.${pad(date.getUTCMilliseconds(), 3)}` : '';
  return `${day}T${time}${millis}+08:00`;
}

/** True for a real ISO-8601 date-time with offset (rejects 2025-02-30 and hour 24). */
export function isIsoDateTime(text: string): boolean {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , offset] = m;
  if (+h > 23 || +mi > 59 || +s > 59) return false;
  if (offset !== 'Z' && (+offset.slice(1, 3) > 23 || +offset.slice(4) > 59)) return false;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  return day.getUTCFullYear() === +y && day.getUTCMonth() === +mo - 1 && day.getUTCDate() === +d;
}

function serialize(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new GraphQLError('DateTime cannot represent an invalid Date');
    return value.toISOString();
  }
  if (typeof value === 'string') {
    if (isIsoDateTime(value)) return value;
    // Resolvers may hand JD's own strings straight through.
    if (parseShanghai(value)) return shanghaiToIso(value);
  }
  throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
}

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !isIsoDateTime(value)) {
    throw new GraphQLError(`DateTime expects ISO-8601 with an offset, e.g. 2025-05-05T14:00:00+08:00; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value);
}

/** ISO-8601 with offset out (Dates as UTC, JD strings as +08:00); accepts ISO-8601 with offset in, as a Date. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as ISO-8601 with an offset, e.g. 2025-05-05T14:00:00+08:00.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
  serialize,
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime expects a string', { nodes: [ast], extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
