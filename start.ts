/**
 * `npm start`: the whole JD Support Graph on one machine — JD sandbox (4010), orders (4001),
 * after-sales (4002), exchange (4003), offices (4004) and the gateway (4000) — then prints the URLs
 * and demo credentials. Ctrl-C or SIGTERM reports not-ready, drains requests in flight and exits 0.
 */
import 'reflect-metadata';
import { ConfigError, SHUTDOWN_CLOSE_ROOM_MS, stopOnSignals } from './config';
import { startTracing } from './telemetry';
import { disableApolloTelemetry } from './gateway/apollo-telemetry';
import { startStack } from './stack';
import { demoBanner } from './stack/demo-banner';

async function main(): Promise<void> {
  disableApolloTelemetry();
  // Before anything is built: spans go to the provider registered here (none while OTEL_* is unset).
  const tracing = startTracing({ serviceName: 'jd-support-graph' });
  const stack = await startStack(process.env);
  process.stdout.write(await demoBanner(stack));
  const { readinessDelayMs, drainMs } = stack.config.gateway.shutdown;
  const shutdown = stopOnSignals(() => stack.stop().then(() => tracing.shutdown()), {
    backstopMs: readinessDelayMs + drainMs + SHUTDOWN_CLOSE_ROOM_MS,
    say: (message) => void process.stderr.write(`JD Support Graph: ${message}\n`),
  });
  if (process.env.npm_lifecycle_event === 'start') stopWhenOrphaned(() => shutdown('npm exited'));
}

/**
 * `npm start` runs us through `sh -c "… && node dist/start.js"`; a SIGTERM sent to npm alone kills
 * npm and that shell but never reaches us. Noticing the lost parent turns that into a normal drain.
 */
function stopWhenOrphaned(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, 500);
  timer.unref();
}

main().catch((err: unknown) => {
  // A configuration problem is the user's to fix: show the message, not a stack trace.
  process.stderr.write(`${err instanceof ConfigError ? err.message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
});
