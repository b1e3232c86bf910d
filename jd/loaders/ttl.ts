/**
 * How long each JD method's answers stay cached. Facts that rarely change (goods, rankings) live
 * for minutes; anything a customer can change or watch move (prices, stock, orders, after-sales,
 * cart) for seconds. Overrides come from configuration, validated once at start-up.
 */
import { z } from 'zod';
import { JD_METHODS } from '../protocol';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The JD methods whose answers the loaders cache. */
export const CACHED_JD_METHODS = [
  JD_METHODS.orderGet,
  JD_METHODS.orderSearch,
  JD_METHODS.afsOrderGet,
  JD_METHODS.afsDetailGet,
  JD_METHODS.afsScheduleGet,
  JD_METHODS.priceGet,
  JD_METHODS.goodsInfo,
  JD_METHODS.stockGet,
  JD_METHODS.rankQuery,
  JD_METHODS.cartGet,
] as const;
export type CachedJdMethod = (typeof CACHED_JD_METHODS)[number];

/** TTL in milliseconds per cached JD method. */
export type JdTtlTable = Record<CachedJdMethod, number>;

export const DEFAULT_JD_TTL_MS: Readonly<JdTtlTable> = {
  [JD_METHODS.orderGet]: 30 * SECOND,
  [JD_METHODS.orderSearch]: 20 * SECOND,
  [JD_METHODS.afsOrderGet]: 15 * SECOND,
  [JD_METHODS.afsDetailGet]: 15 * SECOND,
  [JD_METHODS.afsScheduleGet]: 15 * SECOND,
  [JD_METHODS.priceGet]: 30 * SECOND,
  [JD_METHODS.goodsInfo]: 10 * MINUTE,
  [JD_METHODS.stockGet]: 15 * SECOND,
  [JD_METHODS.rankQuery]: 5 * MINUTE,
  [JD_METHODS.cartGet]: 10 * SECOND,
};

/**
 * How long past its TTL each method's answer may still be served while one background refresh asks
 * JD (stale-while-revalidate). About the TTL again: a customer's own writes evict what they change,
 * and requestExchange reads price and stock fresh, so only data nobody here changed is ever stale.
 */
export type JdGraceTable = Record<CachedJdMethod, number>;

/** By default each method's grace is its TTL again (one table, so the two cannot drift apart). */
export const DEFAULT_JD_GRACE_MS: Readonly<JdGraceTable> = { ...DEFAULT_JD_TTL_MS };

const graceMs = z
  .number()
  .int()
  .nonnegative()
  .max(7 * 24 * 60 * MINUTE);

/** Partial grace overrides (ms per JD method name, 0 turns it off); unknown method names are refused. */
export const jdGraceOverridesSchema = z.strictObject(
  Object.fromEntries(CACHED_JD_METHODS.map((m) => [m, graceMs.optional()])) as Record<CachedJdMethod, z.ZodOptional<typeof graceMs>>,
);

/** Default graces merged with validated overrides (JD_CACHE_GRACE_MS); throws a message naming the bad entry. */
export function resolveJdGrace(overrides: unknown = {}): JdGraceTable {
  return mergeOverrides(
    DEFAULT_JD_GRACE_MS,
    jdGraceOverridesSchema,
    overrides,
    'Invalid JD cache grace (JD_CACHE_GRACE_MS: milliseconds per JD method name, integers ≥ 0)',
  );
}

const ttlMs = z
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60 * MINUTE);

/** Partial TTL overrides (ms per JD method name); unknown method names are refused. */
export const jdTtlOverridesSchema = z.strictObject(
  Object.fromEntries(CACHED_JD_METHODS.map((m) => [m, ttlMs.optional()])) as Record<CachedJdMethod, z.ZodOptional<typeof ttlMs>>,
);
export type JdTtlOverrides = Partial<JdTtlTable>;

/** Defaults merged with validated overrides; throws a message naming the bad entry. */
export function resolveJdTtl(overrides: unknown = {}): JdTtlTable {
  return mergeOverrides(
    DEFAULT_JD_TTL_MS,
    jdTtlOverridesSchema,
    overrides,
    'Invalid JD cache TTL overrides (milliseconds per JD method name, positive integers)',
  );
}

/** A per-method table: the defaults, with each override the schema accepts; the error names every bad entry. */
function mergeOverrides(
  defaults: Readonly<Record<CachedJdMethod, number>>,
  schema: z.ZodType<Partial<Record<CachedJdMethod, number>>>,
  overrides: unknown,
  invalid: string,
): Record<CachedJdMethod, number> {
  const parsed = schema.safeParse(overrides);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${invalid}: ${issues}`);
  }
  const table = { ...defaults };
  for (const [method, ms] of Object.entries(parsed.data)) if (ms !== undefined) table[method as CachedJdMethod] = ms;
  return table;
}
