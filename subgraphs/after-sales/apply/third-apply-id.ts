import { createHash, randomUUID } from 'node:crypto';

/**
 * JD's `thirdApplyId` for an application. With a client idempotency key it is derived from
 * (customer pin, key), so a retried mutation maps to the same JD application and two customers
 * with the same key never collide; without one every call gets a fresh UUID.
 */
export function thirdApplyIdFor(pin: string, idempotencyKey: string | null | undefined): string {
  if (idempotencyKey == null) return randomUUID();
  const hex = createHash('sha256').update(`${pin}\u0000${idempotencyKey}`, 'utf8').digest('hex');
  // UUID-shaped (version nibble 5 style) so it fits wherever JD expects a UUID-like id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
