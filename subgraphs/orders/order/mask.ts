/**
 * PII masking for consignee data: a partner's support UI can recognise an order's recipient
 * without the subgraph ever revealing a full name or number.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** "Zhang San" -> "Z** San", "张三" -> "张*", "欧阳娜娜" -> "欧***"; blank stays "". */
export function maskName(fullName: string): string {
  const name = fullName.trim();
  if (!name) return '';
  const chars = Array.from(name);
  if (CJK.test(name) && !/\s/.test(name)) {
    // Chinese names: keep the family-name character only.
    return chars.length === 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
  }
  const [first, ...rest] = name.split(/\s+/);
  const masked = Array.from(first)[0] + '**';
  return [masked, ...rest].join(' ');
}

/**
 * "13800000000" -> "138****0000" (a mainland mobile keeps its carrier prefix); any other number
 * keeps only its last 4 digits (and a leading "+"): "+1 212-555-0986" -> "+*******0986".
 */
export function maskPhone(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  const digits = phone.replace(/\D/g, '');
  if (!digits) return '';
  // Mainland mobiles: 11 digits starting with 1, written bare or after +86.
  const national = plus ? (digits.startsWith('86') ? digits.slice(2) : '') : digits;
  if (/^1\d{10}$/.test(national)) return `${plus ? '+86' : ''}${national.slice(0, 3)}****${national.slice(-4)}`;
  // Short numbers: revealing 4 of them would leave too little masked.
  const visible = digits.length >= 8 ? 4 : Math.max(0, Math.min(4, digits.length - 4));
  return plus + '*'.repeat(digits.length - visible) + digits.slice(digits.length - visible);
}
