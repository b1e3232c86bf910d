/**
 * Comparing the gateways' answers before any load: JSON canonicalised (object keys sorted, arrays in
 * order), with the few fields a workload declares volatile (a quote's signed id and timestamps differ
 * on every call) replaced by a marker. Anything else that differs is a failure.
 */

/** A field path; `*` matches every element of an array. */
export type FieldPath = string[];

export const VOLATILE_MARK = '<volatile>';

/** The value with every listed path replaced by VOLATILE_MARK (paths that are absent are ignored). */
export function maskVolatile(value: unknown, paths: FieldPath[]): unknown {
  let out = value;
  for (const path of paths) out = maskOne(out, path);
  return out;
}

function maskOne(value: unknown, path: FieldPath): unknown {
  if (path.length === 0) return value === undefined ? value : VOLATILE_MARK;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return head === '*' ? value.map((v) => maskOne(v, rest)) : value;
  if (value !== null && typeof value === 'object' && head in value) {
    return { ...(value as Record<string, unknown>), [head]: maskOne((value as Record<string, unknown>)[head], rest) };
  }
  return value;
}

/** JSON text with object keys sorted at every level: equal for equal data whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}

/** Where two JSON values first differ (a path like `data.orders.edges[0].node.id`), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path || '(root)'}: ${a.length} vs ${b.length} elements`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

export interface Answer {
  /** Who answered, e.g. "hive-rust". */
  from: string;
  status: number;
  body: string;
}

export interface AnswerVerdict {
  from: string;
  /** The raw body equals the reference's byte for byte, apart from trailing whitespace (Apollo Server ends with a newline). */
  byteIdentical: boolean;
  /** Equal after canonicalisation and masking; false fails the bench. */
  identical: boolean;
  /** Why not identical or not clean (first difference, HTTP status, GraphQL errors). */
  problem?: string;
}

/**
 * A GraphQL answer with data and no errors, as JSON without its `extensions` (each gateway's own
 * metadata, e.g. our demand-control `extensions.cost`, which the peers do not send); a string saying
 * what is wrong otherwise.
 */
export function parseCleanAnswer(answer: Answer): unknown {
  let json: { data?: unknown; errors?: unknown[]; extensions?: unknown };
  try {
    json = JSON.parse(answer.body) as typeof json;
  } catch {
    return `HTTP ${answer.status}, not JSON: ${answer.body.slice(0, 200)}`;
  }
  if (answer.status !== 200 || json.data == null || json.errors?.length) return `HTTP ${answer.status}: ${answer.body.slice(0, 400)}`;
  const { extensions: _metadata, ...answered } = json;
  return answered;
}

/** Compares every answer with the first (the reference); a reference that is not clean fails them all. */
export function compareAnswers(answers: Answer[], volatile: FieldPath[]): AnswerVerdict[] {
  const [reference] = answers;
  const refJson = parseCleanAnswer(reference);
  const refProblem = typeof refJson === 'string' ? refJson : undefined;
  const refMasked = refProblem ? undefined : maskVolatile(refJson, volatile);
  return answers.map((answer) => {
    const byteIdentical = answer.body.trimEnd() === reference.body.trimEnd();
    const json = parseCleanAnswer(answer);
    if (typeof json === 'string') return { from: answer.from, byteIdentical, identical: false, problem: json };
    if (refProblem)
      return { from: answer.from, byteIdentical, identical: false, problem: `reference ${reference.from} failed: ${refProblem}` };
    const masked = maskVolatile(json, volatile);
    if (canonicalJson(masked) === canonicalJson(refMasked)) return { from: answer.from, byteIdentical, identical: true };
    return {
      from: answer.from,
      byteIdentical,
      identical: false,
      problem: `differs from ${reference.from} at ${firstDifference(refMasked, masked)}`,
    };
  });
}
