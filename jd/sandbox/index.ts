/**
 * `npm run sandbox`: the offline JD on its own (default http://127.0.0.1:4010/routerjson).
 * Importing this module only re-exports the in-process API; it starts a server only as the entry point.
 */
import { ConfigError } from '../../config';
import { loadSandboxConfig } from './config';
import { createSandbox } from './create-sandbox';

export { createSandbox, SANDBOX_DEFAULT_SEED, type Sandbox, type SandboxOptions } from './create-sandbox';
export { loadSandboxConfig } from './config';
export { DEMO_PINS } from './data/demo';
export type { FaultConfig, FaultSpec } from './control/fault-spec';
export type { SandboxStats, MethodStats } from './control/stats';
export type * from './data/types';

async function main(): Promise<void> {
  let config;
  try {
    config = loadSandboxConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const sandbox = await createSandbox(config);
  console.log(`JD sandbox listening on ${sandbox.routerUrl} (seed ${config.seed}; control: ${sandbox.url}/__sandbox/stats)`);
  const shutdown = (signal: string) => {
    console.log(`JD sandbox: ${signal} received, stopping`);
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error('JD sandbox failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
