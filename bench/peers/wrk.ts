/**
 * One bounded wrk run (`wrk -t1 -c<C> -d<S>s`) from a generated Lua script: method, body and headers
 * of the request, a check of every answer (HTTP 200, `data` present, no `errors`) and a JSON summary
 * with the latency percentiles wrk measured. wrk is C and runs outside Node, so the load generator
 * costs little CPU next to the processes measured.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface BenchRequest {
  method: 'GET' | 'POST';
  /** Absolute URL, query string included for GET. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WrkResult {
  requests: number;
  durationUs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Socket errors and timeouts as wrk counts them. */
  socketErrors: number;
  timeouts: number;
  /** Answers that were not HTTP 200 with data and no errors. */
  badAnswers: number;
  /** Wall-clock second (Unix) → answers completed before the first answer of that second; seconds without answers are absent. */
  completedBefore: Record<string, number>;
}

/**
 * Answers completed between the starts of two wall-clock seconds, from wrk's per-second marks
 * (a second without answers takes the next marked second's count, or the total).
 */
export function completedBetween(result: Pick<WrkResult, 'completedBefore' | 'requests'>, fromSecond: number, toSecond: number): number {
  const seconds = Object.keys(result.completedBefore)
    .map(Number)
    .sort((a, b) => a - b);
  const at = (second: number) => {
    const next = seconds.find((s) => s >= second);
    return next === undefined ? result.requests : result.completedBefore[String(next)];
  };
  return at(toSecond) - at(fromSecond);
}

/** A Lua string literal holding `s` byte for byte. */
export function luaString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\0/g, '\\0')}"`;
}

/** The wrk script for one request; `done` prints one `WRK_RESULT {json}` line. */
export function wrkScript(request: BenchRequest): string {
  const lines = [`wrk.method = ${luaString(request.method)}`];
  if (request.body !== undefined) lines.push(`wrk.body = ${luaString(request.body)}`);
  for (const [name, value] of Object.entries(request.headers)) lines.push(`wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  lines.push(
    'bad = 0',
    'answered = 0',
    // Answers completed before each wall-clock second: lets the bench count the requests of a window inside the run.
    'marks = {}',
    'local last_second = 0',
    'function response(status, headers, body)',
    '  local second = os.time()',
    '  if second ~= last_second then marks[tostring(second)] = answered; last_second = second end',
    '  answered = answered + 1',
    '  if status ~= 200 or not body:find(\'"data"\', 1, true) or body:find(\'"errors"\', 1, true) then bad = bad + 1 end',
    'end',
    'local threads = {}',
    'function setup(thread) table.insert(threads, thread) end',
    'function done(summary, latency, requests)',
    '  local bad_total = 0',
    '  for _, t in ipairs(threads) do bad_total = bad_total + t:get("bad") end',
    '  local e = summary.errors',
    // With one thread (-t1) its marks are the run's; the bench never runs more.
    '  local parts = {}',
    '  for second, n in pairs(threads[1]:get("marks")) do table.insert(parts, string.format(\'"%s":%d\', second, n)) end',
    '  io.write(string.format(\'WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"socketErrors":%d,"timeouts":%d,"badAnswers":%d,"completedBefore":{%s}}\\n\',',
    '    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,',
    '    e.connect + e.read + e.write, e.timeout, bad_total, table.concat(parts, ",")))',
    'end',
  );
  return `${lines.join('\n')}\n`;
}

let wrkPath: string | undefined;

/** wrk's absolute path, looked up on PATH once (later spawns do not depend on PATH); throws with the install command when it is missing. */
export function requireWrk(): string {
  if (wrkPath) return wrkPath;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'wrk');
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return (wrkPath = candidate);
    } catch {
      // not here (or an unreadable PATH entry): keep looking
    }
  }
  throw new Error('wrk is not installed: run `apt-get install -y wrk` (Debian/Ubuntu) and try again');
}

/** wrk's version line (`wrk --version` prints it and exits 1). */
export function wrkVersion(): string {
  const wrk = requireWrk();
  try {
    return execFileSync(wrk, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]
      .trim();
  } catch (err) {
    return (
      String((err as { stdout?: string }).stdout ?? '')
        .split('\n')[0]
        .trim() || 'wrk'
    );
  }
}

/** Runs wrk once: one thread, `connections` connections, `seconds` seconds. */
export async function runWrk(request: BenchRequest, connections: number, seconds: number): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'peers-wrk-'));
  try {
    const script = join(dir, 'request.lua');
    writeFileSync(script, wrkScript(request));
    const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, request.url];
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(requireWrk(), args, { encoding: 'utf8', timeout: (seconds + 30) * 1000 }, (err, out, errOut) =>
        err ? reject(new Error(`wrk ${args.join(' ')} failed: ${err.message}\n${errOut}`)) : resolve(out),
      );
    });
    const line = stdout.split('\n').find((l) => l.startsWith('WRK_RESULT '));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const raw = JSON.parse(line.slice('WRK_RESULT '.length)) as {
      requests: number;
      durationUs: number;
      p50Us: number;
      p90Us: number;
      p99Us: number;
      maxUs: number;
      socketErrors: number;
      timeouts: number;
      badAnswers: number;
      completedBefore: Record<string, number>;
    };
    return {
      requests: raw.requests,
      durationUs: raw.durationUs,
      requestsPerSecond: raw.requests / (raw.durationUs / 1e6),
      p50Ms: raw.p50Us / 1000,
      p90Ms: raw.p90Us / 1000,
      p99Ms: raw.p99Us / 1000,
      maxMs: raw.maxUs / 1000,
      socketErrors: raw.socketErrors,
      timeouts: raw.timeouts,
      badAnswers: raw.badAnswers,
      completedBefore: raw.completedBefore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
