/**
 * `npm run bench -- [batching|caching|dedup|graph ...] [--rounds N]`: runs the named benches
 * (all when none is named) and writes bench/results/<name>.md and .json. Not part of `npm test`.
 */
import { machineInfo } from './lib/machine';
import { writeResult, type BenchResult } from './lib/report';
import { runBatchingBench } from './batching.bench';
import { runCachingBench } from './caching.bench';
import { runDedupBench } from './dedup.bench';
import { runGraphBench } from './graph.bench';

type Bench = (options: { rounds: number }) => Promise<BenchResult>;

const BENCHES: Record<string, { bench: Bench; rounds: number }> = {
  batching: { bench: runBatchingBench, rounds: 30 },
  caching: { bench: runCachingBench, rounds: 30 },
  dedup: { bench: runDedupBench, rounds: 15 },
  graph: { bench: runGraphBench, rounds: 2 },
};

function parseArgs(argv: string[]): { names: string[]; rounds?: number } {
  const names: string[] = [];
  let rounds: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') {
      rounds = Number(argv[++i]);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) throw new Error(`--rounds must be a whole number from 1 to 1000, got ${argv[i]}`);
    } else if (arg in BENCHES) names.push(arg);
    else throw new Error(`unknown bench "${arg}"; known: ${Object.keys(BENCHES).join(', ')} (and --rounds N)`);
  }
  return { names: names.length ? names : Object.keys(BENCHES), rounds };
}

/** The command as the reader would type it, so a result file says how to reproduce it. */
function commandLine(argv: string[]): string {
  const args = argv.join(' ');
  return process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args ? ` -- ${args}` : ''}` : `node -r @swc-node/register bench/run.ts${args ? ` ${args}` : ''}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { names, rounds } = parseArgs(argv);
  for (const name of names) {
    const machine = machineInfo();
    const { bench, rounds: defaultRounds } = BENCHES[name];
    console.log(`bench ${name}: running (load average ${machine.loadAverage.join(' ')})`);
    const result = await bench({ rounds: rounds ?? defaultRounds });
    const path = writeResult(result, machine, commandLine(argv));
    for (const table of result.tables) console.table(table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]]))));
    console.log(`bench ${name}: wrote ${path}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
