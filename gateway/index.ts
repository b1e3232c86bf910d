import { ConfigError, SHUTDOWN_CLOSE_ROOM_MS, stopOnSignals } from '../config';
import { startTracing } from '../telemetry';
import { disableApolloTelemetry } from './apollo-telemetry';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

// Entry for running the gateway alone: `npm run start:gateway`.
async function main(): Promise<void> {
  disableApolloTelemetry();
  // Before the gateway is built: its spans go to the provider registered here (none while OTEL_* is unset).
  const tracing = startTracing({ serviceName: 'jd-gateway' });
  const config = loadGatewayConfig();
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
