/**
 * JD speaks Asia/Shanghai wall-clock strings. Shanghai has had no DST since 1991, so a fixed
 * +08:00 offset is exact for every date JD can send.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Date -> `yyyy-MM-dd HH:mm:ss` (or with `.SSS+0800` when `withMillis`), Asia/Shanghai. */
export function formatShanghai(date: Date, withMillis = false): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withMillis ? `${base}.${pad(d.getUTCMilliseconds(), 3)}+0800` : base;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?(?:\+0800)?$/;

/** `yyyy-MM-dd HH:mm:ss[.SSS][+0800]` in Asia/Shanghai -> Date; null when malformed. */
export function parseShanghai(text: string): Date | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms ? +ms : 0) - OFFSET_MS;
  const date = new Date(utc);
  // Reject rollovers such as 2024-02-31.
  return formatShanghai(date).slice(0, 10) === `${y}-${mo}-${d}` ? date : null;
}
