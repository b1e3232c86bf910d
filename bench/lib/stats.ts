/** Small order statistics for bench samples. */

/** The q-quantile (0..1) of `values` by linear interpolation; NaN for no values. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]): number => quantile(values, 0.5);

/** Rounds for display: 2 decimals below 10, 1 below 1000, else whole. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const abs = Math.abs(n);
  const digits = abs < 10 ? 100 : abs < 1000 ? 10 : 1;
  return Math.round(n * digits) / digits;
}

/** Runs `variants` interleaved (A, B, C, A, B, C, …) so machine noise hits all of them alike. */
export async function interleave<T>(rounds: number, variants: Record<string, () => Promise<T>>): Promise<Record<string, T[]>> {
  const out: Record<string, T[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(variants)) out[name].push(await run());
  }
  return out;
}
