import type { ZodType } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error';
import { deploymentMode, productionReason, type DeploymentMode, type Env } from './deployment-mode';

/** Shortest secret accepted in production (HMAC keys: 32 characters of randomness or more). */
export const MIN_SECRET_CHARS = 32;

/** Bounds of a whole-number setting, and why they are what they are (shown with a value outside them). */
export interface IntRule {
  min: number;
  max?: number;
  /** Used when the variable is unset, and shown as the example. */
  default?: number;
  /** `seconds`, `days`, … : "must be a whole number of days". */
  unit?: string;
  why?: { min?: string; max?: string };
}

const TRUE = ['true', '1', 'on'];
const FALSE = ['false', '0', 'off'];

/**
 * Reads one part's settings: each method returns a usable value (the default when the variable is
 * bad) and records the problem, so a loader reads everything and `finish()` reports every bad value
 * at once. Values are trimmed; a blank variable counts as unset.
 */
export class EnvReader {
  /** From JD_API_URL and NODE_ENV; decides which defaults are allowed. */
  readonly mode: DeploymentMode;
  private readonly problems: ConfigProblem[] = [];

  constructor(
    private readonly env: Env,
    /** Names the part in messages: `gateway`, `subgraph orders`, … */
    readonly part: string,
  ) {
    this.mode = deploymentMode(env);
  }

  /** Records a problem with `variable`; `message` says what to set instead. */
  problem(variable: string, message: string): void {
    this.problems.push({ part: this.part, variable, message });
  }

  /** The trimmed value, or `fallback` when unset or blank. */
  text(name: string): string | undefined;
  text(name: string, fallback: string): string;
  text(name: string, fallback?: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  }

  /** The names of set, non-blank variables that start with `prefix` (e.g. SUBGRAPH_URL_). */
  namesStartingWith(prefix: string): string[] {
    return Object.keys(this.env).filter((name) => name.startsWith(prefix) && this.text(name) !== undefined);
  }

  /** A whole number within `rule`; its default (or undefined) when unset or bad. */
  int(name: string, rule: IntRule & { default: number }): number;
  int(name: string, rule: IntRule): number | undefined;
  int(name: string, rule: IntRule): number | undefined {
    const raw = this.text(name);
    if (raw === undefined) return rule.default;
    const got = `got ${JSON.stringify(raw)}`;
    const n = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n)) {
      const unit = rule.unit ? ` of ${rule.unit}` : '';
      const range = rule.max === undefined ? `${rule.min} or more` : `${rule.min} to ${rule.max}`;
      const example = rule.default === undefined ? '' : `, e.g. ${rule.default}`;
      this.problem(name, `must be a whole number${unit} (${range})${example}, ${got}`);
    } else if (n < rule.min) {
      this.problem(name, `must be at least ${rule.min}${rule.why?.min ? ` (${rule.why.min})` : ''}, ${got}`);
    } else if (rule.max !== undefined && n > rule.max) {
      this.problem(name, `must be at most ${rule.max}${rule.why?.max ? ` (${rule.why.max})` : ''}, ${got}`);
    } else {
      return n;
    }
    return rule.default;
  }

  /** A TCP port to listen on (0 picks a free one). */
  port(name: string, fallback: number): number {
    return this.int(name, { min: 0, max: 65535, default: fallback });
  }

  /** true/1/on or false/0/off. */
  bool(name: string): boolean | undefined;
  bool(name: string, fallback: boolean): boolean;
  bool(name: string, fallback?: boolean): boolean | undefined {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const lower = raw.toLowerCase();
    if (TRUE.includes(lower)) return true;
    if (FALSE.includes(lower)) return false;
    this.problem(name, `must be true or false (or 1/0, on/off), got ${JSON.stringify(raw)}`);
    return fallback;
  }

  /** One of `values`; `fallback` when unset or bad. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.problem(name, `must be one of ${values.join(', ')}, got ${JSON.stringify(raw)}`);
    return fallback;
  }

  /** Comma-separated, blanks dropped. */
  list(name: string): string[] {
    return (this.text(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  /** An http(s) URL. The value is not echoed: URLs can carry credentials. */
  url(name: string, advice?: { example?: string; note?: string }): string | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    if (isHttpUrl(raw)) return raw;
    this.problem(
      name,
      `must be an http(s) URL${advice?.example ? ` such as ${advice.example}` : ''}${advice?.note ? ` (${advice.note})` : ''}`,
    );
    return undefined;
  }

  /**
   * JSON checked against `schema`; each schema issue is its own problem, named `NAME[path]`.
   * `source` turns the raw value into JSON text (e.g. reads a file) and may throw.
   */
  json<T>(name: string, schema: ZodType<T>, advice: string, source: (raw: string) => string = (raw) => raw): T | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(source(raw));
    } catch (err) {
      this.problem(name, `${advice} (${(err as Error).message})`);
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) this.problem(issue.path.length ? `${name}[${issue.path.join('.')}]` : name, issue.message);
    return undefined;
  }

  /**
   * A setting with a public sandbox default (sandbox-defaults.ts): the default is used in development;
   * in production the variable is required, and with `minLength` it must be that long and not the default.
   */
  requiredInProduction(name: string, spec: { sandboxDefault: string; what: string; minLength?: number }): string {
    const value = this.text(name);
    const reason = productionReason(this.mode);
    if (reason === undefined) return value ?? spec.sandboxDefault;
    if (value === undefined) this.problem(name, `required because ${reason}: set ${spec.what}`);
    else if (spec.minLength !== undefined && value === spec.sandboxDefault)
      this.problem(name, `the public sandbox value is refused because ${reason}: set ${spec.what}`);
    else if (spec.minLength !== undefined && value.length < spec.minLength)
      this.problem(name, `must be at least ${spec.minLength} characters because ${reason} (it has ${value.length}): set ${spec.what}`);
    return value ?? '';
  }

  /** Runs another part's loader, keeping its problems (with its part name) instead of stopping at them. */
  adopt<T>(load: () => T): T | undefined {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.problems.push(...err.problems);
      return undefined;
    }
  }

  /** Throws one ConfigError listing every problem recorded so far; returns when there is none. */
  finish(headline?: string): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems, headline);
  }
}

/** Starts reading one part's settings from `env`; call `finish()` before using what was read. */
export function envReader(env: Env, part: string): EnvReader {
  return new EnvReader(env, part);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
