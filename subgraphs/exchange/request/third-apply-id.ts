import { createHash } from 'node:crypto';

/**
 * JD's `thirdApplyId` for an exchange: derived from (pin, idempotency key) when the client gives
 * one, else from (pin, quote id, target), so a retried request maps to the same JD application,
 * and two customers never collide. Prefixed so it can never equal an after-sales subgraph id.
 */
export function exchangeThirdApplyId(pin: string, idempotencyKey: string | null | undefined, quoteId: string, targetSkuId: string): string {
  const basis = idempotencyKey != null ? `key\u0000${idempotencyKey}` : `quote\u0000${quoteId}\u0000${targetSkuId}`;
  const hex = createHash('sha256').update(`exchange\u0000${pin}\u0000${basis}`, 'utf8').digest('hex');
  return `xchg-${hex.slice(0, 32)}`;
}
