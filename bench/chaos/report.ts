/** RELIABILITY.md: every scenario's fault, load, outcome counts, p50/p99, targets and the command. */
import type { MachineInfo } from '../lib/machine';
import type { ScenarioResult } from './scenario';

export interface ChaosRun {
  machine: MachineInfo;
  /** The scenario group each result came from, and the command that runs it alone. */
  groups: { id: string; results: ScenarioResult[]; seconds: number }[];
  seconds: number;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderReliability(run: ChaosRun): string {
  const { machine } = run;
  const all = run.groups.flatMap((g) => g.results.map((r) => ({ id: g.id, r })));
  const lines = [
    '# Reliability',
    '',
    'What the graph does under faults, measured by `npm run chaos` (not part of `npm test`; a smoke version of',
    'each scenario runs there, in `test/e2e/chaos-smoke.test.ts`). Each scenario runs against the graph as it',
    'is deployed: the four subgraphs and the gateway as separate processes on free ports, in production mode',
    '(`NODE_ENV=production`, secrets made up for the run), over the JD sandbox with injected faults. The code',
    'is in `bench/chaos/`; this file is written by the run and committed as it came out, met or not.',
    '',
    `Run on ${machine.date} at commit \`${machine.gitCommit}\`${machine.uncommittedSourceFiles.length ? ' (with uncommitted changes)' : ''}, ` +
      `${Math.round(run.seconds)} s in all. Machine: ${machine.cpuModel}, ${machine.nproc} CPUs, ${machine.totalMemGiB} GiB, Node ${machine.node}, ` +
      `load average ${machine.loadAverage.join(' / ')} at the start (a shared machine: latencies are noisy, counts are not).`,
    '',
    '## Summary',
    '',
    '| Scenario | Target | Met |',
    '|---|---|---|',
    ...all.flatMap(({ r }) => r.targets.map((t) => `| ${cell(r.name)} | ${cell(t.label)} | ${t.met ? 'yes' : '**no**'} |`)),
    '',
  ];
  for (const group of run.groups) {
    for (const r of group.results) {
      lines.push(
        `## ${r.name}`,
        '',
        `- **Fault:** ${r.fault}.`,
        `- **Load:** ${r.load}.`,
        `- **Latency:** p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms.`,
        `- **Command:** \`npm run chaos -- ${group.id}\` (${Math.round(group.seconds)} s for the group).`,
        '',
        '| Outcome | Count |',
        '|---|---:|',
        ...Object.entries(r.outcomes).map(([k, v]) => `| ${cell(k)} | ${v} |`),
        '',
        ...r.targets.map((t) => `- Target ${t.label}: ${t.met ? 'met' : '**not met**'}.`),
        ...r.notes.map((n) => `- ${n}`),
        '',
      );
    }
  }
  return lines.join('\n');
}
