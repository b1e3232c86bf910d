import { ConfigError } from '../config';
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
  const shutdown = (signal: string) => {
    process.stdout.write(JSON.stringify({ level: 30, service: 'gateway', msg: `${signal}: draining requests in flight` }) + '\n');
    gateway
      .stop()
      .then(() => tracing.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
});
