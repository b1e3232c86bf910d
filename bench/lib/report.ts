/** Writes one bench's result as Markdown (for people) and JSON (for tools) under bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo } from './machine';

export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  /** File name stem under bench/results/, e.g. "batching". */
  name: string;
  title: string;
  /** What was measured and how, in a few sentences. */
  method: string[];
  tables: BenchTable[];
  /** Raw samples and settings, kept in the JSON only. */
  raw: unknown;
  notes?: string[];
}

const RESULTS_DIR = join(__dirname, '..', 'results');

function cell(v: string | number): string {
  return String(v).replace(/\|/g, '\\|');
}

function markdown(result: BenchResult, machine: MachineInfo, command: string): string {
  const lines = [
    `# ${result.title}`,
    '',
    `- Date: ${machine.date}`,
    `- Command: \`${command}\` (from the repository root)`,
    `- Commit: ${machine.gitCommit}${machine.uncommittedSourceFiles.length ? ` plus uncommitted changes in the shared working tree: ${machine.uncommittedSourceFiles.map((f) => `\`${f.trim()}\``).join(', ')}` : ' (measured code clean)'}`,
    `- Machine: ${machine.nproc} cores (\`nproc\`), CPU "${machine.cpuModel}", ${machine.totalMemGiB} GiB RAM, Node ${machine.node}`,
    `- Load average at start (1/5/15 min): ${machine.loadAverage.join(' / ')} — a shared machine; compare the ratios, not the absolute times.`,
    '',
    '```',
    '$ free -g',
    machine.freeG,
    '```',
    '',
    '## Method',
    '',
    ...result.method.map((m) => `- ${m}`),
    '',
  ];
  for (const table of result.tables) {
    lines.push(`## ${table.title}`, '', `| ${table.columns.map(cell).join(' | ')} |`, `|${table.columns.map(() => ' --- ').join('|')}|`);
    for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('');
  }
  if (result.notes?.length) lines.push('## Notes', '', ...result.notes.map((n) => `- ${n}`), '');
  lines.push(`Raw samples: \`${result.name}.json\`.`, '');
  return lines.join('\n');
}

/** Writes bench/results/<name>.md and .json; returns the Markdown path. */
export function writeResult(result: BenchResult, machine: MachineInfo, command: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const md = join(RESULTS_DIR, `${result.name}.md`);
  writeFileSync(md, markdown(result, machine, command));
  writeFileSync(
    join(RESULTS_DIR, `${result.name}.json`),
    `${JSON.stringify({ name: result.name, title: result.title, command, machine, tables: result.tables, notes: result.notes ?? [], raw: result.raw }, null, 2)}\n`,
  );
  return md;
}
