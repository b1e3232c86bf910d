/**
 * Opaque connection cursors. A cursor carries the position it stands for and the filter it was
 * issued under, so a cursor from one status filter cannot silently page another.
 */
export interface CursorPosition {
  /** Number of orders before the next one (0-based offset of the next edge). */
  offset: number;
  /** The status filter the cursor was issued under ('' for none). */
  filter: string;
}

const PREFIX = 'orders:v1:';

/** Position -> opaque base64url string. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${PREFIX}${position.offset}:${position.filter}`, 'utf8').toString('base64url');
}

/** Opaque string -> position, or null when the string is not a cursor this subgraph issued. */
export function decodeCursor(cursor: string): CursorPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^orders:v1:(\d{1,9}):([A-Z_]*)$/.exec(text);
  if (!m) return null;
  return { offset: Number(m[1]), filter: m[2] };
}
