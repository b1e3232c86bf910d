/** The peers bench's command-line options (`npm run bench -- peers [--quick] [--rounds N] [--seconds S] …`), validated up front. */

export const TARGET_IDS = ['ours', 'base', 'variant', 'hive', 'hive-rust', 'direct'] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** Our own gateway: the code as it is, at the --baseline commit, and with the --variant-env settings. */
export const OURS: readonly TargetId[] = ['ours', 'base', 'variant'];

export const WORKLOAD_IDS = ['dashboard', 'directory', 'exchange-quote', 'persisted-get'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** Flags this bench accepts besides the shared --rounds: name → whether it takes a value. */
export const PEERS_FLAGS = {
  quick: 'switch',
  seconds: 'value',
  warmup: 'value',
  connections: 'value',
  targets: 'value',
  workloads: 'value',
  'ours-env': 'value',
  baseline: 'value',
  'variant-env': 'value',
} as const;

export interface PeersOptions {
  rounds: number;
  /** Seconds per measured wrk run. */
  seconds: number;
  /** Seconds of unmeasured load per workload and target before the first round. */
  warmupSeconds: number;
  /** One measured pass per entry (wrk -c), in this order. */
  connections: number[];
  targets: TargetId[];
  workloads: WorkloadId[];
  /** Extra environment for our gateway's process (A/B a setting without editing code). */
  oursEnv: Record<string, string>;
  /** A git commit (or ref) whose gateway runs as the `base` target: an A/B of a code change in one run. */
  baseline?: string;
  /** Extra environment for the `variant` target: ours once more, with these settings (e.g. GATEWAY_WORKERS=2). */
  variantEnv: Record<string, string>;
  quick: boolean;
}

/**
 * The longest wrk run: the direct workload signs its identity headers once per run (wrk repeats them),
 * and a subgraph accepts a signature for at most 60 s (SUBGRAPH_SIGNATURE_MAX_AGE_MS, which the bench sets
 * to that maximum), so a run must end well inside it.
 */
const MAX_RUN_SECONDS = 50;

export const DEFAULTS = { rounds: 3, seconds: 8, warmupSeconds: 2, connections: [32, 1] } as const;
export const QUICK = { rounds: 1, seconds: 2, warmupSeconds: 1 } as const;

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function subset<T extends string>(name: string, raw: string, known: readonly T[]): T[] {
  const picked = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = picked.filter((p) => !(known as readonly string[]).includes(p));
  if (picked.length === 0 || unknown.length > 0)
    throw new Error(`--${name}: unknown ${unknown.length ? `"${unknown.join('", "')}"` : 'empty list'}; choose from ${known.join(', ')}`);
  // Keep the canonical order, so "ours" is always measured first in a round and is the ratios' reference.
  return known.filter((k) => picked.includes(k));
}

function envPairs(raw: string, flag = 'ours-env'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of raw.split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq < 1 || !/^[A-Z_][A-Z0-9_]*$/.test(pair.slice(0, eq))) throw new Error(`--${flag} takes NAME=value[,NAME=value…], got "${pair}"`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** Turns the shared --rounds and this bench's flags into options; throws with what to fix. `ours` is always kept: it is the ratios' reference. */
export function parsePeersOptions(rounds: number | undefined, flags: Record<string, string | true>): PeersOptions {
  for (const name of Object.keys(flags))
    if (!(name in PEERS_FLAGS))
      throw new Error(
        `peers: unknown option --${name}; known: --rounds, ${Object.keys(PEERS_FLAGS)
          .map((f) => `--${f}`)
          .join(', ')}`,
      );
  const value = (name: keyof typeof PEERS_FLAGS) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const quick = flags.quick === true;
  const base = quick ? QUICK : DEFAULTS;
  const baseline = value('baseline');
  if (baseline !== undefined && !/^[\w./^~-]+$/.test(baseline)) throw new Error(`--baseline takes a git commit or ref, got "${baseline}"`);
  const variantEnv = value('variant-env') ? envPairs(value('variant-env') as string, 'variant-env') : {};
  // base and variant run only when asked for (--baseline, --variant-env); ours always: it is the reference.
  const wanted = (t: TargetId) => (t === 'base' ? baseline !== undefined : t === 'variant' ? Object.keys(variantEnv).length > 0 : true);
  const targets = (value('targets') ? subset('targets', value('targets') as string, TARGET_IDS) : [...TARGET_IDS]).filter(wanted);
  if (!targets.includes('ours')) targets.unshift('ours');
  const connections = value('connections')
    ? (value('connections') as string).split(',').map((c) => wholeNumber('connections', c.trim(), 1, 512))
    : [...DEFAULTS.connections];
  return {
    rounds: rounds ?? base.rounds,
    seconds: value('seconds') ? wholeNumber('seconds', value('seconds') as string, 1, MAX_RUN_SECONDS) : base.seconds,
    warmupSeconds: value('warmup') ? wholeNumber('warmup', value('warmup') as string, 0, MAX_RUN_SECONDS) : base.warmupSeconds,
    connections,
    targets,
    workloads: value('workloads') ? subset('workloads', value('workloads') as string, WORKLOAD_IDS) : [...WORKLOAD_IDS],
    oursEnv: value('ours-env') ? envPairs(value('ours-env') as string) : {},
    baseline,
    variantEnv,
    quick,
  };
}
