/** The two whole-graph workloads, read from the explorer's example operations so they stay in step with the schema. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchOperation {
  file: string;
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** APQ hash: sha256 of the query text exactly as sent. */
  sha256: string;
}

const EXAMPLES = join(__dirname, '..', '..', 'gateway', 'explorer', 'examples');

/** Reads an example: `#` lines are comments, except `# variables: {...}`. */
export function readExample(relative: string): BenchOperation {
  const text = readFileSync(join(EXAMPLES, relative), 'utf8');
  const lines = text.split('\n');
  const varsLine = lines.find((l) => l.startsWith('# variables:'));
  const query = lines
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
    .trim();
  const name = /^\s*query\s+(\w+)/m.exec(query);
  if (!name) throw new Error(`${relative}: no named query found`);
  return {
    file: `gateway/explorer/examples/${relative}`,
    operationName: name[1],
    query,
    variables: varsLine ? (JSON.parse(varsLine.slice('# variables:'.length)) as Record<string, unknown>) : {},
    sha256: createHash('sha256').update(query).digest('hex'),
  };
}

/** The GET URL that names the operation only by its APQ hash. */
export function apqGetUrl(gatewayUrl: string, op: BenchOperation): string {
  const url = new URL(gatewayUrl);
  url.searchParams.set('operationName', op.operationName);
  url.searchParams.set('variables', JSON.stringify(op.variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.sha256 } }));
  return url.toString();
}

/** True for a GraphQL answer with data and no errors. */
export function isCleanAnswer(body: string): boolean {
  try {
    const json = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return json.data != null && !json.errors?.length;
  } catch {
    return false;
  }
}

/** Registers `op` under its sha256 the way an APQ client's first miss does (query + hash in one POST). */
export async function registerApq(gatewayUrl: string, op: BenchOperation): Promise<void> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      operationName: op.operationName,
      query: op.query,
      variables: op.variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: op.sha256 } },
    }),
  });
  if (!isCleanAnswer(await response.text())) throw new Error(`registering ${op.operationName ?? 'the operation'} by APQ failed`);
}
