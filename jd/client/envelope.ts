import {
  responseKey,
  AFS_RESULT_NOT_CANCELLABLE,
  AFS_RESULT_NO_PERMISSION,
  AFS_RESULT_PARAM_ERROR,
  AFS_RESULT_SUCCESS,
  AFS_RESULT_SYSTEM_ERROR,
} from '../protocol';
import { businessError, httpError, systemError, type JdApiError } from './errors';

/** English wording for the after-sales result codes of JD's after-sales guide (JD's resultComment is usually Chinese). */
const AFS_RESULT_EN: Record<number, string> = {
  [AFS_RESULT_PARAM_ERROR]: 'Parameter format error',
  [AFS_RESULT_NO_PERMISSION]: 'No permission',
  [AFS_RESULT_SYSTEM_ERROR]: 'System exception, retry later',
  [AFS_RESULT_NOT_CANCELLABLE]: 'The service can no longer be cancelled',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/**
 * Parses a router response body: `error_response` and business failures become JdApiError;
 * otherwise returns the object inside `<method>_responce`, read from the FIRST field as JD's parser does.
 */
export function parseJdResponse<T>(method: string, status: number, body: string): T {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    throw httpError(method, status, `body is not JSON: ${body.slice(0, 120)}`);
  }
  if (!isObject(root)) throw httpError(method, status, 'body is not a JSON object');
  const [firstKey] = Object.keys(root);
  const first = root[firstKey];

  if (firstKey === 'error_response' && isObject(first)) {
    throw systemError(method, text(first.code), text(first.zh_desc), text(first.en_desc), status === 200 ? undefined : status);
  }
  if (status < 200 || status >= 300) throw httpError(method, status, `unexpected status with ${firstKey ?? 'empty'} body`);
  if (firstKey !== responseKey(method) || !isObject(first)) {
    throw httpError(method, status, `expected ${responseKey(method)} first, got ${firstKey ?? 'an empty object'}`);
  }
  const failure = businessFailure(method, first);
  if (failure) throw failure;
  return first as T;
}

/** The failures JD reports inside a successful envelope, in the shapes our methods use. */
function businessFailure(method: string, wrapper: Json): JdApiError | undefined {
  if (wrapper.code !== undefined && text(wrapper.code) !== '0') {
    const code = text(wrapper.code);
    const message = text(wrapper.zh_desc) || text(wrapper.message);
    return businessError(method, code, message || `错误 ${code}`, text(wrapper.en_desc) || message || `JD wrapper code ${code}`);
  }
  // After-sales: resultCode 100 is success; the comment says why not.
  if (typeof wrapper.resultCode === 'number' && wrapper.resultCode !== AFS_RESULT_SUCCESS) {
    const comment = text(wrapper.resultComment);
    return businessError(method, String(wrapper.resultCode), comment, AFS_RESULT_EN[wrapper.resultCode] ?? comment);
  }
  for (const inner of Object.values(wrapper)) {
    if (!isObject(inner)) continue;
    // POP orders: {orderDetailInfo|searchorderinfo_result: {apiResult: {success, ...}}}.
    const apiResult = inner.apiResult;
    if (isObject(apiResult) && apiResult.success === false) {
      const code = text(apiResult.numberCode) || text(apiResult.englishErrCode);
      return businessError(method, code, text(apiResult.chineseErrCode), text(apiResult.englishErrCode));
    }
  }
  // JD Union: {queryResult: {code: 200, message}}.
  const queryResult = wrapper.queryResult;
  if (isObject(queryResult) && queryResult.code !== undefined && Number(queryResult.code) !== 200) {
    const message = text(queryResult.message);
    return businessError(method, text(queryResult.code), message, message);
  }
  return undefined;
}
