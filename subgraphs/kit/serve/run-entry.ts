import { startTracing } from '../../../telemetry';

/**
 * The shape every subgraph entry point shares: tracing when OTEL_* asks for it, start once, print one
 * line, stop cleanly on SIGINT/SIGTERM (flushing spans), and turn a start-up failure (usually bad
 * configuration) into its message and exit 1. `serviceName` is the trace's service.name unless
 * OTEL_SERVICE_NAME says otherwise.
 */
export async function runSubgraphEntry(
  serviceName: string,
  start: () => Promise<{ banner: string; stop(): Promise<void> }>,
): Promise<void> {
  const tracing = startTracing({ serviceName });
  try {
    const running = await start();
    console.log(running.banner);
    const shutdown = () => {
      running
        .stop()
        .then(() => tracing.shutdown())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
