/**
 * A test vector computed from JD Open Platform's published signature algorithm: the client's signer
 * and the sandbox's independent checker must both reproduce it.
 */
export const SIGNATURE_VECTOR = {
  params: {
    method: 'jingdong.pop.order.get',
    app_key: 'testappkey',
    access_token: 'testtoken',
    timestamp: '2024-01-02 03:04:05.000+0800',
    v: '2.0',
    '360buy_param_json': '{"order_id":"123","optional_fields":"orderId,itemInfoList"}',
  },
  secret: 'testsecret',
  md5: '7B17C13642D16C931EACE835763C8395',
  /** With `sign_method: 'hmacmd5'` added to the params. */
  hmacmd5: '42B6BC27F005505A58CBD62FEFB88F09',
} as const;
