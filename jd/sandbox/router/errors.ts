/** JD's `error_response` and the sandbox's way of raising one from deep inside a method. */
import { JD_SYSTEM_ERRORS, type JdErrorResponse, type JdSystemErrorCode } from '../../protocol';

/** Thrown by checks and methods; the router turns it into `{"error_response": {...}}`. */
export class JdRouterError extends Error {
  constructor(
    readonly code: JdSystemErrorCode,
    readonly detail?: string,
  ) {
    super(`${code} ${JD_SYSTEM_ERRORS[code].en}${detail ? `: ${detail}` : ''}`);
  }
}

/** JD's error body; `detail` (what exactly was wrong) rides in en_desc, as JD does for 61. */
export function errorResponse(code: string, detail?: string): JdErrorResponse {
  const known = JD_SYSTEM_ERRORS[code as JdSystemErrorCode];
  const en = known?.en ?? 'Error';
  return { error_response: { code, zh_desc: known?.zh ?? '错误', en_desc: detail ? `${en}: ${detail}` : en } };
}
