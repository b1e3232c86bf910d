/** The fault configuration shape, validated the same way from env (JD_SANDBOX_FAULTS) and HTTP. */
import { z } from 'zod';
import { JD_METHODS, JD_SYSTEM_ERRORS } from '../../protocol';

const ERROR_CODES: [string, ...string[]] = ['500', ...Object.keys(JD_SYSTEM_ERRORS)];

export const faultSpecSchema = z.strictObject({
  /** Fixed delay before answering. */
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  /** Extra uniform random delay in [0, jitterMs]. */
  jitterMs: z.number().int().min(0).max(600_000).optional(),
  /** Probability (0..1) that a call fails with errorCode instead of running. */
  errorRate: z.number().min(0).max(1).optional(),
  /** JD system code for injected errors (default "66"); "500" is JD's after-sales system exception. */
  errorCode: z.enum(ERROR_CODES).optional(),
  /** Answer injected errors with this HTTP status instead of JD's usual 200 (e.g. 503). */
  httpStatus: z.number().int().min(200).max(599).optional(),
  /** Process the call, then hold the answer this long (past the client's timeout: outcome unknown). */
  hangMs: z.number().int().min(0).max(600_000).optional(),
  /** Probability (0..1) that a call not failed by errorRate hangs for hangMs; every call when omitted. */
  hangRate: z.number().min(0).max(1).optional(),
  /** Calls per second per app key; beyond it JD answers code 2. On '*', shared by all methods. */
  callsPerSecond: z.number().int().min(1).max(100_000).optional(),
  /** Only the next N calls get the error/hang faults; then they stop by themselves. */
  times: z.number().int().min(1).optional(),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;

const scopes = ['*', ...Object.values(JD_METHODS)] as [string, ...string[]];
/** Per method name, or '*' for every method; a method's own fields override '*'. */
export const faultConfigSchema = z.partialRecord(z.enum(scopes), faultSpecSchema);
export type FaultConfig = Partial<Record<string, FaultSpec>>;
