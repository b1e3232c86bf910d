/**
 * The shape every subgraph entry point shares: start once, print one line, stop cleanly on
 * SIGINT/SIGTERM, and turn a start-up failure (usually bad configuration) into its message and exit 1.
 */
export async function runSubgraphEntry(start: () => Promise<{ banner: string; stop(): Promise<void> }>): Promise<void> {
  try {
    const running = await start();
    console.log(running.banner);
    const shutdown = () => {
      running.stop().then(
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
