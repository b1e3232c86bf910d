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

/** "13800000000" -> "138****0000"; other numbers keep at most the last 4 digits visible. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (!digits) return '';
  if (digits.length >= 11) {
    return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
  }
  // Short numbers: revealing 7 of them would leave too little masked.
  const visible = digits.length >= 6 ? 4 : Math.max(0, digits.length - 4);
  return '*'.repeat(digits.length - visible) + digits.slice(digits.length - visible);
}
