/** One bad or missing setting: which part read it, the variable (or variables) and what to fix. */
export interface ConfigProblem {
  /** The part that read it: `gateway`, `JD client`, `subgraph orders`, … */
  readonly part: string;
  /** The variable to fix, e.g. `ORDERS_PORT`, or `PARTNER_API_KEYS[0.key]` inside a structured value. */
  readonly variable: string;
  /** What is wrong and what to set instead, e.g. `must be a whole number (0 to 65535), got "eighty"`. */
  readonly message: string;
}

const line = (p: ConfigProblem) => `${p.variable}: ${p.message}`;

/**
 * Every configuration problem found at start-up, of one part or of several (the whole stack), so one
 * run shows everything to fix. The message is meant for the operator as is: no stack trace needed.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  /** `headline` replaces "Invalid configuration for <part>", e.g. when several parts are merged. */
  constructor(problems: readonly ConfigProblem[], headline?: string) {
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const key = `${p.part}\n${line(p)}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    super(render(unique, headline));
    this.problems = unique;
  }
}

function render(problems: readonly ConfigProblem[], headline: string | undefined): string {
  const parts = [...new Set(problems.map((p) => p.part))];
  if (headline === undefined && parts.length === 1) {
    return `Invalid configuration for ${parts[0]}:\n${problems.map((p) => `  - ${line(p)}`).join('\n')}`;
  }
  // Several parts often read the same variable (SUBGRAPH_SIGNING_SECRET, JD_*): say it once, naming them all.
  const partsByLine = new Map<string, string[]>();
  for (const p of problems) partsByLine.set(line(p), [...(partsByLine.get(line(p)) ?? []), p.part]);
  const lines = [...partsByLine].map(([text, readers]) => `  - ${text} (${readers.join(', ')})`);
  return `${headline ?? 'Invalid configuration'}:\n${lines.join('\n')}`;
}
