/** What every method handler receives and returns. */
import type { SandboxData } from '../data/types';
import type { Params } from '../router/business-params';

export interface MethodContext {
  data: SandboxData;
  /** The data clock: the sandbox's "now" for new services and schedule entries. */
  now(): Date;
}

export interface MethodOutcome {
  /** The object that goes inside `<method>_responce`. */
  result: object;
  /** Keys in this call, for batch methods (recorded in stats). */
  batchSize?: number;
}

export type MethodHandler = (params: Params, ctx: MethodContext) => MethodOutcome;
