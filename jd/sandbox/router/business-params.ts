/** Business-parameter readers: a missing required one is JD's 60, a bad value 61. */
import { JD_MAX_BATCH } from '../../protocol';
import { JdRouterError } from './errors';

export type Params = Record<string, unknown>;

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/** A required string (JSON numbers are accepted and stringified, as JD's gateway does). */
export function requireString(p: Params, name: string): string {
  const v = p[name];
  if (isMissing(v)) throw new JdRouterError('60', `missing ${name}`);
  if (typeof v !== 'string' && typeof v !== 'number') throw new JdRouterError('61', `${name} must be a string`);
  return String(v);
}

/** An optional string; undefined when absent. */
export function optionalString(p: Params, name: string): string | undefined {
  return isMissing(p[name]) ? undefined : requireString(p, name);
}

/** A digits-only id (order, SKU), given as a string or a number. */
export function requireId(p: Params, name: string): string {
  const v = requireString(p, name);
  if (!/^\d{1,20}$/.test(v)) throw new JdRouterError('61', `${name} must be numeric`);
  return v;
}

/** An integer within [min, max], given as a number or a numeric string. */
export function requireInt(p: Params, name: string, min: number, max: number): number {
  const n = Number(requireString(p, name));
  if (!Number.isInteger(n) || n < min || n > max) throw new JdRouterError('61', `${name} must be an integer in ${min}..${max}`);
  return n;
}

/** An optional integer within [min, max]; `fallback` when absent. */
export function optionalInt(p: Params, name: string, min: number, max: number, fallback: number): number {
  return isMissing(p[name]) ? fallback : requireInt(p, name, min, max);
}

/** One of `allowed` (compared as numbers). */
export function requireEnum<T extends number>(p: Params, name: string, allowed: readonly T[]): T {
  const n = Number(requireString(p, name));
  if (!allowed.includes(n as T)) throw new JdRouterError('61', `${name} must be one of ${allowed.join(', ')}`);
  return n as T;
}

/**
 * A comma-separated list of ≤ 100 entries matching `shape` (capture group 1 is the id);
 * duplicates collapse. More than 100, or a malformed entry, is 61.
 */
export function requireIdList(p: Params, name: string, shape: RegExp): string[] {
  const entries = requireString(p, name)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new JdRouterError('60', `missing ${name}`);
  if (entries.length > JD_MAX_BATCH) throw new JdRouterError('61', `${name} takes at most ${JD_MAX_BATCH} entries, got ${entries.length}`);
  const ids = entries.map((e) => {
    const m = shape.exec(e);
    if (!m) throw new JdRouterError('61', `${name} entry ${JSON.stringify(e)} is malformed`);
    return m[1];
  });
  return [...new Set(ids)];
}
