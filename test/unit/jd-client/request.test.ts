import { buildJdRequest, signJdParams } from '../../../jd/client';

const credentials = {
  apiUrl: 'https://api.jd.com/routerjson',
  appKey: 'testappkey',
  appSecret: 'testsecret',
  accessToken: 'testtoken',
  signMethod: 'md5' as const,
};
// 2024-01-02 03:04:05.000 in Shanghai is 2024-01-01 19:04:05 UTC.
const AT = new Date(Date.UTC(2024, 0, 1, 19, 4, 5, 0));
const PARAMS = { order_id: '123', optional_fields: 'orderId,itemInfoList' };

describe('buildJdRequest (Java SDK layout)', () => {
  it('POSTs to the router with system params and sign in the query, 360buy_param_json in a form body', () => {
    const request = buildJdRequest(credentials, 'jingdong.pop.order.get', PARAMS, AT);
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.jd.com/routerjson');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      method: 'jingdong.pop.order.get',
      app_key: 'testappkey',
      access_token: 'testtoken',
      timestamp: '2024-01-02 03:04:05.000+0800',
      v: '2.0',
      sign: '7B17C13642D16C931EACE835763C8395', // the documented md5 vector
    });
    expect(request.init.method).toBe('POST');
    expect(request.init.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.init.body).toBe(
      '360buy_param_json=%7B%22order_id%22%3A%22123%22%2C%22optional_fields%22%3A%22orderId%2CitemInfoList%22%7D',
    );
    expect(Object.fromEntries(new URLSearchParams(request.init.body))).toEqual({ '360buy_param_json': JSON.stringify(PARAMS) });
  });

  it('names sign_method when it is not md5 and signs with it', () => {
    const request = buildJdRequest({ ...credentials, signMethod: 'hmacmd5' }, 'jingdong.pop.order.get', PARAMS, AT);
    const query = Object.fromEntries(new URL(request.url).searchParams);
    expect(query.sign_method).toBe('hmacmd5');
    expect(query.sign).toBe('42B6BC27F005505A58CBD62FEFB88F09'); // the documented hmacmd5 vector

    const sha = buildJdRequest({ ...credentials, signMethod: 'hmacsha256' }, 'jingdong.pop.order.get', PARAMS, AT);
    const shaQuery = Object.fromEntries(new URL(sha.url).searchParams);
    expect(shaQuery.sign_method).toBe('hmacsha256');
    const { sign, ...rest } = shaQuery;
    expect(sign).toBe(signJdParams({ ...rest, '360buy_param_json': JSON.stringify(PARAMS) }, 'testsecret', 'hmacsha256'));
  });

  it('encodes non-ASCII business params as UTF-8 form data', () => {
    const request = buildJdRequest(credentials, 'jingdong.afsservice.order.get', { orderId: '1', customerPin: '京东用户' }, AT);
    expect(JSON.parse(new URLSearchParams(request.init.body).get('360buy_param_json')!)).toEqual({ orderId: '1', customerPin: '京东用户' });
    expect(request.init.body).toContain('%E4%BA%AC');
  });
});
