/** The machine a figure ran on, recorded next to every result (figures mean little without it). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  date: string;
  nproc: string;
  freeG: string;
  node: string;
  cpuModel: string;
  totalMemGiB: number;
  /** 1/5/15-minute load averages at the start of the run: a shared machine's noise level. */
  loadAverage: number[];
  gitCommit: string;
  /** Uncommitted changes to the measured code at run time (other helpers share the working tree). */
  uncommittedSourceFiles: string[];
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return `(${cmd} unavailable)`;
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** Reads nproc, `free -g`, node -v, the CPU model, load average and the git commit. */
export function machineInfo(): MachineInfo {
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc', []),
    freeG: sh('free', ['-g']),
    node: process.version,
    cpuModel: cpuModel(),
    totalMemGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    gitCommit: sh('git', ['rev-parse', '--short', 'HEAD']),
    uncommittedSourceFiles: sh('git', ['status', '--porcelain', '--', 'jd', 'subgraphs', 'gateway', 'stack', 'bench', ':!bench/results'])
      .split('\n')
      .filter((l) => l.trim() !== ''),
  };
}
