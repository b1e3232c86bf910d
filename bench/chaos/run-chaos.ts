/**
 * `npm run chaos [-- applies|subgraphs|redis|fuzz|sigterm ...]`: the chaos scenarios at full scale
 * (about 10 minutes for all). With no names it runs all of them and writes RELIABILITY.md at the
 * repository root; with names it prints the results only. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo } from '../lib/machine';
import { renderReliability, type ChaosRun } from './report';
import type { ScenarioResult } from './scenario';
import { appliesUnderFaults } from './scenarios/applies';
import { fuzzedRequests } from './scenarios/fuzz';
import { redisOutage } from './scenarios/redis-outage';
import { sigtermUnderLoad } from './scenarios/sigterm';
import { subgraphFaults } from './scenarios/subgraph-faults';

const GROUPS: Record<string, () => Promise<ScenarioResult[]>> = {
  applies: async () => [await appliesUnderFaults('full')],
  subgraphs: () => subgraphFaults('full'),
  redis: async () => [await redisOutage('full')],
  fuzz: async () => [await fuzzedRequests('full')],
  sigterm: async () => [await sigtermUnderLoad('full')],
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in GROUPS));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; scenarios: ${Object.keys(GROUPS).join(', ')}`);
  const machine = machineInfo();
  const started = Date.now();
  const run: ChaosRun = { machine, groups: [], seconds: 0 };
  for (const id of names.length ? names : Object.keys(GROUPS)) {
    const t0 = Date.now();
    process.stderr.write(`chaos: ${id}…\n`);
    const results = await GROUPS[id]();
    run.groups.push({ id, results, seconds: (Date.now() - t0) / 1000 });
    for (const r of results)
      process.stderr.write(`chaos: ${r.name}: ${r.targets.map((t) => `${t.label} ${t.met ? 'met' : 'NOT met'}`).join('; ')}\n`);
  }
  run.seconds = (Date.now() - started) / 1000;
  const text = renderReliability(run);
  if (names.length) process.stdout.write(text + '\n');
  else {
    writeFileSync(join(__dirname, '../../RELIABILITY.md'), text + '\n');
    process.stderr.write('chaos: wrote RELIABILITY.md\n');
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`chaos failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
