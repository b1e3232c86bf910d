/** JD router system error codes (JD Open Platform's published table), with JD's own zh/en descriptions. */
export const JD_SYSTEM_ERRORS = {
  '1': { zh: '服务不可用', en: 'Service unavailable', transient: true },
  '2': { zh: '开发者调用次数超限', en: 'App call limit reached', transient: false },
  '3': { zh: '禁止访问', en: 'Forbidden request', transient: false },
  '7': { zh: '缺少时间戳参数', en: 'Missing timestamp', transient: false },
  '8': { zh: '非法的时间戳参数', en: 'Invalid timestamp', transient: false },
  '11': { zh: '缺少签名参数', en: 'Missing signature', transient: false },
  '12': { zh: '无效签名', en: 'Invalid signature', transient: false },
  '14': { zh: '缺少方法名参数', en: 'Missing method', transient: false },
  '15': { zh: '不存在的方法名', en: 'Invalid method', transient: false },
  '18': { zh: '缺少access_token参数', en: 'Missing access_token', transient: false },
  '19': { zh: '无效access_token', en: 'Invalid access_token', transient: false },
  '20': { zh: '缺少app_key参数', en: 'Missing app_key', transient: false },
  '21': { zh: '无效app_key', en: 'Invalid app_key', transient: false },
  '24': { zh: '无权调用此API', en: 'No permission for this API', transient: false },
  '43': { zh: '系统处理错误', en: 'System error', transient: true },
  '60': { zh: '无效参数', en: 'Invalid parameter', transient: false },
  '61': { zh: '无效参数值', en: 'Invalid parameter value', transient: false },
  '63': { zh: '无效的JSON格式', en: 'Invalid JSON', transient: false },
  '65': { zh: '平台连接后端服务超时', en: 'Backend timeout', transient: true },
  '66': { zh: '平台连接后端服务不可用', en: 'Backend unavailable', transient: true },
  '67': { zh: '平台连接后端服务异常', en: 'Backend error', transient: true },
} as const;
export type JdSystemErrorCode = keyof typeof JD_SYSTEM_ERRORS;

/** `{"error_response": {...}}` — codes are strings. */
export interface JdErrorResponse {
  error_response: { code: string; zh_desc: string; en_desc: string };
}

/** Business result codes that mean "try again later" (JD's after-sales guide: 500 is a system exception). */
export const JD_TRANSIENT_BUSINESS_CODES: ReadonlySet<string> = new Set(['500']);
