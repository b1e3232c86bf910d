/**
 * `npm run bench -- [batching|caching|dedup|graph|limits|peers|customers|soak ...] [--rounds N] [bench options]`: runs the
 * named benches (all but peers when none is named) and writes bench/results/<name>.md and .json.
 * Not part of `npm test`.
 */
import { machineInfo } from './lib/machine';
import { writeResult, type BenchResult } from './lib/report';
import { runBatchingBench } from './batching.bench';
import { runCachingBench } from './caching.bench';
import { CUSTOMERS_FLAGS, runCustomersBench } from './customers.bench';
import { runDedupBench } from './dedup.bench';
import { parseGraphFlags, runGraphBench } from './graph.bench';
import { runLimitsBench } from './limits.bench';
import { runPeersBench } from './peers.bench';
import { PEERS_FLAGS } from './peers/options';
import { runSoakBench, SOAK_FLAGS } from './soak.bench';

interface BenchOptions {
  /** --rounds N when given; each bench has its own default. */
  rounds?: number;
  /** The bench's own options: --name value, or true for a switch. */
  flags: Record<string, string | true>;
}

interface BenchEntry {
  bench: (options: BenchOptions) => Promise<BenchResult>;
  /** Options besides --rounds: name → whether it takes a value. */
  flags?: Record<string, 'value' | 'switch'>;
  /** Left out when no bench is named (it installs packages and runs for minutes). */
  onlyByName?: boolean;
}

const runGraph = ({ rounds, flags }: BenchOptions) => runGraphBench({ rounds: rounds ?? 2, ...parseGraphFlags(flags) });

const BENCHES: Record<string, BenchEntry> = {
  batching: { bench: ({ rounds }) => runBatchingBench({ rounds: rounds ?? 30 }) },
  caching: { bench: ({ rounds }) => runCachingBench({ rounds: rounds ?? 30 }) },
  dedup: { bench: ({ rounds }) => runDedupBench({ rounds: rounds ?? 15 }) },
  graph: { bench: runGraph, flags: { baseline: 'value', 'variant-env': 'value' } },
  limits: { bench: ({ rounds }) => runLimitsBench({ rounds: rounds ?? 20 }) },
  peers: { bench: runPeersBench, flags: PEERS_FLAGS, onlyByName: true },
  customers: { bench: runCustomersBench, flags: CUSTOMERS_FLAGS, onlyByName: true },
  soak: { bench: runSoakBench, flags: SOAK_FLAGS, onlyByName: true },
};

function parseArgs(argv: string[]): { names: string[]; rounds?: number; flags: Record<string, string | true> } {
  const names: string[] = [];
  const flags: Record<string, string | true> = {};
  const declared: Record<string, 'value' | 'switch'> = Object.assign({}, ...Object.values(BENCHES).map((b) => b.flags ?? {}));
  let rounds: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') {
      rounds = Number(argv[++i]);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000)
        throw new Error(`--rounds must be a whole number from 1 to 1000, got ${argv[i]}`);
    } else if (arg.startsWith('--') && arg.slice(2) in declared) {
      const name = arg.slice(2);
      if (declared[name] === 'switch') flags[name] = true;
      else if (i + 1 < argv.length) flags[name] = argv[++i];
      else throw new Error(`${arg} needs a value`);
    } else if (arg in BENCHES) names.push(arg);
    else
      throw new Error(
        `unknown bench or option "${arg}"; benches: ${Object.keys(BENCHES).join(', ')}; options: --rounds N${Object.keys(declared)
          .map((f) => `, --${f}`)
          .join('')}`,
      );
  }
  const chosen = names.length ? names : Object.keys(BENCHES).filter((n) => !BENCHES[n].onlyByName);
  for (const flag of Object.keys(flags)) {
    if (!chosen.some((n) => BENCHES[n].flags && flag in (BENCHES[n].flags as object)))
      throw new Error(
        `--${flag} applies to ${Object.keys(BENCHES)
          .filter((n) => BENCHES[n].flags && flag in (BENCHES[n].flags as object))
          .join(', ')} only; name that bench`,
      );
  }
  return { names: chosen, rounds, flags };
}

/** The command as the reader would type it, so a result file says how to reproduce it. */
function commandLine(argv: string[]): string {
  const args = argv.join(' ');
  return process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${args ? ` -- ${args}` : ''}`
    : `node -r @swc-node/register bench/run.ts${args ? ` ${args}` : ''}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { names, rounds, flags } = parseArgs(argv);
  for (const name of names) {
    const machine = machineInfo();
    const { bench, flags: own } = BENCHES[name];
    console.log(`bench ${name}: running (load average ${machine.loadAverage.join(' ')})`);
    const result = await bench({ rounds, flags: Object.fromEntries(Object.entries(flags).filter(([f]) => own && f in own)) });
    const path = writeResult(result, machine, commandLine(argv));
    for (const table of result.tables) console.table(table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]]))));
    console.log(`bench ${name}: wrote ${path}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
