import { parseJdResponse, JdApiError } from '../../../jd/client';

const ORDER_GET = 'jingdong.pop.order.get';
const AFS_CREATE = 'jingdong.afsservice.apply.create';

function failure(method: string, body: unknown, status = 200): JdApiError {
  try {
    parseJdResponse(method, status, typeof body === 'string' ? body : JSON.stringify(body));
  } catch (error) {
    expect(error).toBeInstanceOf(JdApiError);
    return error as JdApiError;
  }
  throw new Error('expected a JdApiError');
}

describe('parseJdResponse', () => {
  it('unwraps <method>_responce', () => {
    const inner = { code: '0', orderDetailInfo: { apiResult: { success: true }, orderInfo: { orderId: '1' } } };
    expect(parseJdResponse(ORDER_GET, 200, JSON.stringify({ jingdong_pop_order_get_responce: inner }))).toEqual(inner);
  });

  it("reads only the first field of the root object, as JD's parser does", () => {
    const body = `{"jingdong_pop_order_get_responce":{"code":"0","n":1},"jingdong_pop_order_search_responce":{"code":"0"}}`;
    expect(parseJdResponse(ORDER_GET, 200, body)).toEqual({ code: '0', n: 1 });
    const misplaced = failure(ORDER_GET, { something_else: {}, jingdong_pop_order_get_responce: { code: '0' } });
    expect(misplaced).toMatchObject({ kind: 'http', code: 'INVALID_RESPONSE', method: ORDER_GET, retryable: false });
    expect(misplaced.enDesc).toContain('jingdong_pop_order_get_responce');
    expect(failure(ORDER_GET, { jingdong_ware_price_get_responce: { code: '0' } })).toMatchObject({
      kind: 'http',
      code: 'INVALID_RESPONSE',
    });
  });

  it('turns error_response into a system JdApiError with both descriptions', () => {
    const e = failure(ORDER_GET, { error_response: { code: '12', zh_desc: '无效签名', en_desc: 'Invalid signature' } });
    expect(e).toMatchObject({
      kind: 'system',
      code: '12',
      zhDesc: '无效签名',
      enDesc: 'Invalid signature',
      method: ORDER_GET,
      retryable: false,
    });
    expect(e.httpStatus).toBeUndefined();
    expect(e.message).toContain('12');
  });

  it.each([
    ['1', true],
    ['2', false],
    ['19', false],
    ['43', true],
    ['61', false],
    ['65', true],
    ['66', true],
    ['67', true],
  ])('system code %s is retryable=%s, descriptions filled from the code table when absent', (code, retryable) => {
    const e = failure(ORDER_GET, { error_response: { code } });
    expect(e).toMatchObject({ kind: 'system', code, retryable });
    expect(e.zhDesc).not.toBe('');
    expect(e.enDesc).not.toBe('');
  });

  it.each([
    [3001, '参数格式错误', 'Parameter format error', false],
    [403, '无权限', 'No permission', false],
    [500, '系统异常', 'System exception, retry later', true],
    [3003, '服务单不可取消', 'The service can no longer be cancelled', false],
  ])('after-sales resultCode %s becomes a business error (retryable=%s)', (resultCode, comment, en, retryable) => {
    const e = failure(AFS_CREATE, { jingdong_afsservice_apply_create_responce: { code: '0', resultCode, resultComment: comment } });
    expect(e).toMatchObject({ kind: 'business', code: String(resultCode), zhDesc: comment, enDesc: en, retryable, method: AFS_CREATE });
  });

  it('accepts after-sales resultCode 100', () => {
    const ok = { code: '0', resultCode: 100, resultComment: '成功', afsServiceId: 7 };
    expect(parseJdResponse(AFS_CREATE, 200, JSON.stringify({ jingdong_afsservice_apply_create_responce: ok }))).toEqual(ok);
  });

  it('turns a POP apiResult.success=false into a business error', () => {
    const e = failure('jingdong.pop.order.search', {
      jingdong_pop_order_search_responce: {
        code: '0',
        searchorderinfo_result: {
          apiResult: { success: false, englishErrCode: 'order not found', chineseErrCode: '订单不存在', numberCode: 10100 },
        },
      },
    });
    expect(e).toMatchObject({ kind: 'business', code: '10100', zhDesc: '订单不存在', enDesc: 'order not found', retryable: false });
  });

  it('turns a JD Union queryResult.code other than 200 into a business error', () => {
    const method = 'jd.union.open.goods.promotiongoodsinfo.query';
    const e = failure(method, {
      jd_union_open_goods_promotiongoodsinfo_query_responce: { code: '0', queryResult: { code: 411, message: 'skuIds too many' } },
    });
    expect(e).toMatchObject({ kind: 'business', code: '411', enDesc: 'skuIds too many', method });
    const ok = { code: '0', queryResult: { code: 200, message: 'success', data: [] } };
    expect(parseJdResponse(method, 200, JSON.stringify({ jd_union_open_goods_promotiongoodsinfo_query_responce: ok }))).toEqual(ok);
  });

  it('turns a wrapper code other than "0" into a business error', () => {
    const e = failure('jingdong.ware.price.get', {
      jingdong_ware_price_get_responce: { code: '61', zh_desc: '无效参数值', en_desc: 'Invalid parameter value' },
    });
    expect(e).toMatchObject({ kind: 'business', code: '61', zhDesc: '无效参数值', enDesc: 'Invalid parameter value' });
  });

  it('turns a non-JSON body into an http error, retryable only for 5xx', () => {
    expect(failure(ORDER_GET, '<html>oops</html>', 200)).toMatchObject({ kind: 'http', retryable: false, httpStatus: 200 });
    expect(failure(ORDER_GET, '<html>Bad Gateway</html>', 502)).toMatchObject({
      kind: 'http',
      code: 'HTTP_502',
      retryable: true,
      httpStatus: 502,
    });
    expect(failure(ORDER_GET, 'not found', 404)).toMatchObject({ kind: 'http', code: 'HTTP_404', retryable: false });
    expect(failure(ORDER_GET, '[1,2]', 200)).toMatchObject({ kind: 'http' });
  });

  it("keeps JD's error_response even on a non-200 status", () => {
    expect(failure(ORDER_GET, { error_response: { code: '66', zh_desc: 'x', en_desc: 'y' } }, 503)).toMatchObject({
      kind: 'system',
      code: '66',
      httpStatus: 503,
      retryable: true,
    });
  });
});
