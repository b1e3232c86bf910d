/**
 * The process half of every entry's shutdown: SIGTERM or SIGINT runs the part's stop once, then the
 * process exits 0. A stop that fails, or outlasts its own steps by far, exits 1 saying so, because
 * nothing may keep a stopping process alive (Kubernetes would SIGKILL it later, losing the log line).
 */
export interface StopOnSignalsOptions {
  /** Longest the stop may take: the readiness delay plus the drain window plus room to close. */
  backstopMs: number;
  /** Where the one-line notices go (stderr or a logger). */
  say(message: string): void;
}

/** Room for closing subgraphs, the sandbox and Redis after the drain window. */
export const SHUTDOWN_CLOSE_ROOM_MS = 5_000;

/** Installs the handlers; returns the same trigger for other reasons to stop (e.g. a lost parent). */
export function stopOnSignals(stop: () => Promise<void>, options: StopOnSignalsOptions): (reason: string) => void {
  let stopping = false;
  const trigger = (reason: string) => {
    // Ctrl-C under `npm start` arrives twice (the terminal signals the group, npm forwards it): drain once.
    if (stopping) return;
    stopping = true;
    options.say(`${reason}: reporting not-ready, draining requests in flight, then stopping`);
    const backstop = setTimeout(() => {
      options.say(`shutdown did not finish within ${options.backstopMs} ms; exiting anyway`);
      process.exit(1);
    }, options.backstopMs);
    backstop.unref();
    stop().then(
      () => {
        options.say('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        options.say(`stopping failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => trigger('SIGTERM'));
  process.on('SIGINT', () => trigger('SIGINT'));
  return trigger;
}
