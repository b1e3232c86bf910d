/** Child processes of the benches: start-and-wait, clean stop, and CPU time from /proc. */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Managed {
  child: ChildProcess;
  pid: number;
  /** The last few KB of stderr (and stdout), for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

// Children still running when the bench process exits (an error it did not catch, process.exit) are
// killed by their own pids, so no gateway outlives the bench.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Spawns `command` and keeps its output tail; the process is stopped by its own pid only. */
export function startProcess(command: string, args: string[], options: SpawnOptions): Managed {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + String(d)).slice(-6000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return {
    child,
    pid: child.pid,
    output: () => tail,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Polls `probe` until it resolves true; fails early when the process exits, or after `timeoutMs`. */
export async function waitUntilReady(name: string, managed: Managed, probe: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (managed.child.exitCode !== null)
      throw new Error(`${name} exited (${managed.child.exitCode}) before it was ready:\n${managed.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${managed.output()}`);
}

// Read once at load, so no snapshot inside a run pays for a subprocess.
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of one process in clock ticks; 0 when it is gone. */
function ticksOf(pid: number): number {
  try {
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

/** Direct children of a process, from /proc/<pid>/task/<tid>/children (cheap: no scan of /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * CPU milliseconds (user + system) used so far by `pid` and every live descendant, so a gateway that
 * forks workers is measured whole. Resolution is one clock tick (10 ms); windows are seconds long.
 */
export function cpuMs(pid: number): number {
  let ticks = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop() as number;
    ticks += ticksOf(p);
    stack.push(...childrenOf(p));
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** True when the process has the shared object whose path contains `fragment` mapped (e.g. a native addon). */
export function hasMapped(pid: number, fragment: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/maps`, 'utf8').includes(fragment);
  } catch {
    return false;
  }
}
