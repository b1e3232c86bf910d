import { createHmac } from 'node:crypto';
import { canonicalString, signJdParams } from '../../../jd/client';
import { SIGNATURE_VECTOR } from '../../support/jd-signature-vector';

const VECTOR = SIGNATURE_VECTOR.params;

describe('JD signature', () => {
  it('reproduces the md5 vector', () => {
    expect(signJdParams(VECTOR, 'testsecret', 'md5')).toBe(SIGNATURE_VECTOR.md5);
    expect(signJdParams(VECTOR, 'testsecret')).toBe(SIGNATURE_VECTOR.md5);
  });

  it('reproduces the hmacmd5 vector (sign_method=hmacmd5 is itself a signed parameter)', () => {
    expect(signJdParams({ ...VECTOR, sign_method: 'hmacmd5' }, 'testsecret', 'hmacmd5')).toBe(SIGNATURE_VECTOR.hmacmd5);
  });

  it('signs hmacsha256 as upper-case HMAC-SHA256(secret, joined)', () => {
    const params = { ...VECTOR, sign_method: 'hmacsha256' };
    const joined =
      '360buy_param_json{"order_id":"123","optional_fields":"orderId,itemInfoList"}access_tokentesttokenapp_keytestappkey' +
      'methodjingdong.pop.order.getsign_methodhmacsha256timestamp2024-01-02 03:04:05.000+0800v2.0';
    const expected = createHmac('sha256', 'testsecret').update(joined).digest('hex').toUpperCase();
    expect(signJdParams(params, 'testsecret', 'hmacsha256')).toBe(expected);
    expect(expected).toMatch(/^[0-9A-F]{64}$/);
  });

  it('sorts by code units (digits before upper case before lower case), so 360buy_param_json comes first', () => {
    expect(canonicalString({ b: '2', a: '1', B: '3', '360buy_param_json': '{}' })).toBe('360buy_param_json{}B3a1b2');
  });

  it('leaves out sign and empty names or values', () => {
    expect(canonicalString({ sign: 'X', '': 'nameless', empty: '', missing: undefined, kept: 'v' })).toBe('keptv');
    expect(signJdParams({ ...VECTOR, sign: 'ANYTHING', extra: '' }, 'testsecret')).toBe(SIGNATURE_VECTOR.md5);
  });

  it('changes when any value changes', () => {
    expect(signJdParams({ ...VECTOR, v: '2.1' }, 'testsecret')).not.toBe(SIGNATURE_VECTOR.md5);
    expect(signJdParams(VECTOR, 'othersecret')).not.toBe(SIGNATURE_VECTOR.md5);
  });
});
