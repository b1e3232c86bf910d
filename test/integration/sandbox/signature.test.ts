/**
 * The sandbox accepts a request signed by an independent implementation of JD Open Platform's signature
 * algorithm (written here, sharing no code with jd/client or jd/sandbox), and refuses it with
 * code 12 when one character of the sign changes.
 */
import * as crypto from 'node:crypto';
import type { Sandbox } from '../../../jd/sandbox';
import { postParams, startTestSandbox, unwrap } from './jos-call';
import { SIGNATURE_VECTOR } from '../../support/jd-signature-vector';

/** Independent signer: a TreeMap-style sorted walk, UTF-8 bytes, upper-case hex. */
function independentSign(params: Record<string, string>, secret: string, signMethod: string): string {
  const keys = Object.keys(params).filter((k) => k !== 'sign' && params[k].length > 0 && k.length > 0);
  keys.sort();
  let joined = '';
  for (const k of keys) joined += k + params[k];
  let hex: string;
  if (signMethod === 'hmacmd5')
    hex = crypto.createHmac('md5', Buffer.from(secret, 'utf8')).update(Buffer.from(joined, 'utf8')).digest('hex');
  else if (signMethod === 'hmacsha256')
    hex = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(joined, 'utf8')).digest('hex');
  else
    hex = crypto
      .createHash('md5')
      .update(Buffer.from(secret + joined + secret, 'utf8'))
      .digest('hex');
  return hex.toUpperCase();
}

/** Shanghai wall clock with millis, computed without the protocol helpers. */
function shanghaiNow(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}+0800`;
}

/** Changes one character of a hex sign (0<->1 keeps it hex and the same length). */
const tamper = (sign: string) => sign.slice(0, 5) + (sign[5] === '0' ? '1' : '0') + sign.slice(6);

describe('sandbox signature check against an independent signer', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it("reproduces the signature test vectors computed from JD's published algorithm (so the independent signer is right)", () => {
    const base = SIGNATURE_VECTOR.params;
    expect(independentSign(base, 'testsecret', 'md5')).toBe(SIGNATURE_VECTOR.md5);
    expect(independentSign({ ...base, sign_method: 'hmacmd5' }, 'testsecret', 'hmacmd5')).toBe(SIGNATURE_VECTOR.hmacmd5);
  });

  it.each(['md5', 'hmacmd5', 'hmacsha256'])(
    'accepts a %s-signed request and refuses it with one sign character changed (12)',
    async (signMethod) => {
      const orderId = [...sandbox.data.orders.keys()][0];
      const params: Record<string, string> = {
        method: 'jingdong.pop.order.get',
        app_key: sandbox.credentials.appKey,
        access_token: sandbox.credentials.accessToken,
        timestamp: shanghaiNow(),
        v: '2.0',
        '360buy_param_json': JSON.stringify({ order_id: orderId }),
      };
      if (signMethod !== 'md5') params.sign_method = signMethod;
      const sign = independentSign(params, sandbox.credentials.appSecret, signMethod);

      const accepted = await postParams(sandbox, { ...params, sign }, 'split');
      expect(unwrap(accepted, 'jingdong.pop.order.get').orderDetailInfo.orderInfo.orderId).toBe(orderId);

      const tampered = tamper(sign);
      expect(tampered).toHaveLength(sign.length);
      expect(tampered).not.toBe(sign);
      const refused = await postParams(sandbox, { ...params, sign: tampered }, 'split');
      expect(refused.status).toBe(200);
      expect(refused.body.error_response.code).toBe('12');
    },
  );

  it('accepts a lower-case hex sign, but not a sign made with another secret', async () => {
    const params: Record<string, string> = {
      method: 'jd.sandbox.cart.get',
      app_key: sandbox.credentials.appKey,
      access_token: sandbox.credentials.accessToken,
      timestamp: shanghaiNow(),
      v: '2.0',
      '360buy_param_json': '{"customerPin":"jd_demo_alice"}',
    };
    const lower = independentSign(params, sandbox.credentials.appSecret, 'md5').toLowerCase();
    expect(unwrap(await postParams(sandbox, { ...params, sign: lower }, 'body'), 'jd.sandbox.cart.get').cartItems).toHaveLength(3);
    const wrongSecret = independentSign(params, 'not-the-secret', 'md5');
    expect((await postParams(sandbox, { ...params, sign: wrongSecret }, 'body')).body.error_response.code).toBe('12');
  });
});
