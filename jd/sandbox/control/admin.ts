/** The `/__sandbox/*` control endpoints: customers, stats, faults, reset, after-sales advance, and an index. */
import { ZodError } from 'zod';
import { AdvanceError, advanceService } from './advance';
import type { FaultConfig } from './fault-spec';
import type { FaultController } from './faults';
import type { StatsRecorder } from './stats';
import type { SandboxData } from '../data/types';

export interface AdminDeps {
  faults: FaultController;
  stats: StatsRecorder;
  data(): SandboxData;
  dataNow(): Date;
  /** Clears stats and faults; regenerates the data too when `withData`. */
  reset(withData: boolean): void;
  info(): object;
}

export interface AdminAnswer {
  status: number;
  body: object;
}

function parseJson(body: string): unknown {
  if (!body.trim()) return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new AdminInputError('body must be JSON');
  }
}

class AdminInputError extends Error {}

/** Answers a control request, or null when the path is not a control endpoint. */
export function handleAdmin(verb: string, path: string, query: URLSearchParams, body: string, deps: AdminDeps): AdminAnswer | null {
  try {
    if (verb === 'GET' && (path === '/' || path === '/__sandbox')) return { status: 200, body: deps.info() };
    // Pins only (sandbox pins are not secrets): benches and partners find the customers to act as.
    if (verb === 'GET' && path === '/__sandbox/customers') return { status: 200, body: { customers: [...deps.data().customers.keys()] } };
    if (verb === 'GET' && path === '/__sandbox/stats') return { status: 200, body: deps.stats.snapshot() };
    if (verb === 'GET' && path === '/__sandbox/faults') return { status: 200, body: { faults: deps.faults.get() } };
    if (verb === 'POST' && path === '/__sandbox/faults') {
      deps.faults.set(parseJson(body) as FaultConfig);
      return { status: 200, body: { faults: deps.faults.get() } };
    }
    if (verb === 'POST' && path === '/__sandbox/reset') {
      const input = parseJson(body) as { data?: unknown };
      const withData = input?.data === true || query.get('data') === 'true' || query.get('data') === '1';
      deps.reset(withData);
      return { status: 200, body: { reset: true, data: withData } };
    }
    if (verb === 'POST' && path === '/__sandbox/afs/advance') {
      const input = parseJson(body) as { afsServiceId?: unknown; toStep?: unknown };
      const id = Number(input?.afsServiceId);
      if (!Number.isSafeInteger(id)) throw new AdminInputError('afsServiceId (number) is required');
      const toStep = input.toStep === undefined ? undefined : Number(input.toStep);
      return { status: 200, body: advanceService(deps.data(), id, deps.dataNow(), toStep) };
    }
    return null;
  } catch (err) {
    if (err instanceof AdvanceError) return { status: err.status, body: { error: err.message } };
    if (err instanceof AdminInputError) return { status: 400, body: { error: err.message } };
    if (err instanceof ZodError) return { status: 400, body: { error: 'invalid fault configuration', issues: err.issues } };
    throw err;
  }
}
