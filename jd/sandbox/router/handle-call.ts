/**
 * One `/routerjson` call from merged params to JD's answer: system checks, statistics, the
 * calls-per-second limit, injected latency/errors, business params, the method, then any hang.
 */
import { responseKey, type JdMethodName } from '../../protocol';
import type { FaultController } from '../control/faults';
import type { StatsRecorder } from '../control/stats';
import { METHOD_HANDLERS } from '../methods';
import type { MethodContext } from '../methods/types';
import { errorResponse, JdRouterError } from './errors';
import { checkSystemParams, parseParamJson, type SandboxCredentials } from './system-checks';

export interface RouterDeps {
  credentials: SandboxCredentials;
  faults: FaultController;
  stats: StatsRecorder;
  methodContext(): MethodContext;
  /** Wall clock for timestamp skew and rate windows (the client's clock is real time too). */
  wallClockMs(): number;
  /** Waits `ms`; rejects when the sandbox stops. */
  sleep(ms: number): Promise<void>;
}

export interface RouterAnswer {
  status: number;
  body: object;
  /** Hold the (already computed) answer this long before sending it. */
  holdMs?: number;
}

const isAfs = (method: string) => method.startsWith('jingdong.afsservice.');

function injectedError(method: JdMethodName, code: string, status: number): RouterAnswer {
  // JD's after-sales 500 (system exception) is a business result, so it travels inside the wrapper.
  if (code === '500' && isAfs(method))
    return { status, body: { [responseKey(method)]: { resultCode: 500, resultComment: '系统异常，请稍后重试 System exception' } } };
  return { status, body: errorResponse(code, 'injected by the sandbox') };
}

/** Runs one router call; never throws for JD-level failures (they are answers, HTTP 200 like JD). */
export async function handleRouterCall(params: Record<string, string>, deps: RouterDeps): Promise<RouterAnswer> {
  let method: JdMethodName | undefined;
  try {
    const checked = checkSystemParams(params, deps.credentials, deps.wallClockMs());
    method = checked.method;
    deps.stats.call(method);
    if (!deps.faults.admit(checked.appKey, method, deps.wallClockMs())) throw new JdRouterError('2');
    const plan = deps.faults.plan(method);
    if (plan.delayMs > 0) await deps.sleep(plan.delayMs);
    if (plan.error) {
      deps.stats.error(method, plan.error.code);
      return injectedError(method, plan.error.code, plan.error.httpStatus);
    }
    const outcome = METHOD_HANDLERS[method](parseParamJson(checked.paramJson), deps.methodContext());
    if (outcome.batchSize !== undefined) deps.stats.batch(method, outcome.batchSize);
    const resultCode = (outcome.result as { resultCode?: number }).resultCode;
    if (resultCode !== undefined && resultCode !== 100) deps.stats.error(method, String(resultCode));
    return { status: 200, body: { [responseKey(method)]: outcome.result }, holdMs: plan.hangMs };
  } catch (err) {
    if (!(err instanceof JdRouterError)) throw err;
    if (method) deps.stats.error(method, err.code);
    return { status: 200, body: errorResponse(err.code, err.detail) };
  }
}
