/** The real jd/client pointed at a real sandbox on a free port, configured the way production reads env. */
import { createJdClient, loadJdConfig, type JdClientDeps, type JdClient } from '../../../jd/client';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../jd/sandbox';

export const TEST_NOW = new Date('2026-06-15T04:00:00.000Z');

/** Starts a sandbox (small scale, fixed data clock). */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ seed: 'client-it', now: TEST_NOW, scale: { customers: 20, ordersPerCustomer: 5, skus: 240 }, ...options });
}

/** `createJdClient(loadJdConfig({ JD_SANDBOX_PORT }))`, plus any extra JD_* settings. */
export function clientFor(sandbox: Sandbox, env: Record<string, string> = {}, deps: JdClientDeps = {}): JdClient {
  return createJdClient(
    loadJdConfig({ JD_SANDBOX_PORT: String(sandbox.port), JD_RETRY_BASE_DELAY_MS: '5', JD_RETRY_MAX_DELAY_MS: '20', ...env }),
    deps,
  );
}

/** Resolves to the JdApiError (or whatever) a promise rejects with; fails if it resolves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
