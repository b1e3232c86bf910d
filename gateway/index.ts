import { ConfigError, SHUTDOWN_CLOSE_ROOM_MS, stopOnSignals } from '../config';
import { startTracing } from '../telemetry';
import { disableApolloTelemetry } from './apollo-telemetry';
import { loadGatewayConfig } from './config';
import cluster from 'node:cluster';
import { createGateway } from './server';
import { createLogger } from './logger';
import { runWorkers } from './workers';

// Entry for running the gateway alone: `npm run start:gateway`.
async function main(): Promise<void> {
  disableApolloTelemetry();
  // Before the gateway is built: its spans go to the provider registered here (none while OTEL_* is unset).
  const tracing = startTracing({ serviceName: 'jd-gateway' });
  const config = loadGatewayConfig();
  // The primary validates the settings once (a ConfigError stops start-up here) and only supervises.
  if (config.workers > 1 && cluster.isPrimary) return runWorkers(config.workers, createLogger(config.logLevel));
  const gateway = await createGateway(config);
  const { readinessDelayMs, drainMs } = config.shutdown;
  stopOnSignals(() => gateway.stop().then(() => tracing.shutdown()), {
    backstopMs: readinessDelayMs + drainMs + SHUTDOWN_CLOSE_ROOM_MS,
    say: (msg) => void process.stdout.write(JSON.stringify({ level: 30, service: 'gateway', msg }) + '\n'),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
});
