/**
 * JD sends money as decimal strings ("199.00"). Inside the project money is integer fen,
 * parsed digit by digit so no float ever rounds a price.
 */
const AMOUNT = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "199.00" -> 19900, "-0.5" -> -50; throws on anything that is not a plain decimal amount. */
export function parseFen(amount: string): number {
  const m = AMOUNT.exec(amount.trim());
  if (!m) throw new Error(`not a JD money amount: ${JSON.stringify(amount)}`);
  const [, minus, yuan, cents = ''] = m;
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error(`money amount out of range: ${amount}`);
  return minus && fen !== 0 ? -fen : fen;
}

/** 19900 -> "199.00", -5 -> "-0.05". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`fen must be a safe integer, got ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
