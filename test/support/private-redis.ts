import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { eventually } from './eventually';
import { freePort } from './processes';

/** A redis-server of the test's own, on a free port, that the test may kill, pause or restart. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: connections drop at once. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a hung Redis). */
  pause(): void;
  resume(): void;
  /** A new server on the same port, after kill(). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(200, () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.once('data', (d) => (socket.destroy(), resolve(String(d).startsWith('+PONG'))));
  });
}

/** Starts `redis-server` (no persistence) on a free loopback port; fails when the binary is missing. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    child.once('error', () => undefined);
    await eventually(() => answers(port), `redis-server answering PING on port ${port}`);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGCONT');
      running.kill('SIGKILL');
    });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    restart: launch,
    stop: kill,
  };
}

/** Whether `redis-server` can be started here (tests skip without it, except under CI=true). */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
