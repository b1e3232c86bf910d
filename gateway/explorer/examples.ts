import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { projectRoot } from './paths';

/** Who an example is for; it decides which demo credential its tab carries. */
export type ExampleGroup = 'customer' | 'mobile' | 'partner';

export interface ExampleOperation {
  group: ExampleGroup;
  /** Path relative to the project root, for error messages and tests. */
  file: string;
  title: string;
  operationName: string;
  /** The document GraphiQL opens (a persisted operation's body is kept byte for byte). */
  query: string;
  /** JSON text for the variables editor. */
  variables: string;
}

export interface ExampleSources {
  /** Folder with customer/ and partner/ sub-folders of .graphql files. */
  examplesDir?: string;
  /** Mobile's persisted operations; skipped when the folder does not exist. */
  persistedDir?: string;
  /** Sample variables per persisted operation name (JSON), since those files must hold nothing but the operation. */
  mobileVariablesFile?: string;
}

export class ExampleError extends Error {
  override name = 'ExampleError';
}

const META = /^#\s*(title|variables):\s*(.*)$/;

/** Reads every example operation, customer first, then mobile, then partner; throws ExampleError listing every problem. */
export function loadExamples(sources: ExampleSources = {}): ExampleOperation[] {
  const root = projectRoot();
  const examplesDir = sources.examplesDir ?? join(root, 'gateway', 'explorer', 'examples');
  const persistedDir = sources.persistedDir ?? join(root, 'persisted-operations');
  const problems: string[] = [];
  const mobileVariables = readMobileVariables(sources.mobileVariablesFile ?? join(examplesDir, 'mobile-variables.json'), problems);
  const out: ExampleOperation[] = [];
  const read = (group: ExampleGroup, dir: string, persisted: boolean) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort()) {
      const file = join(dir, name);
      try {
        const example = parseExample(
          group,
          file.startsWith(root) ? file.slice(root.length + 1) : file,
          readFileSync(file, 'utf8'),
          persisted,
        );
        const sample = persisted ? mobileVariables[example.operationName] : undefined;
        out.push(sample ? { ...example, variables: JSON.stringify(sample, null, 2) } : example);
      } catch (err) {
        problems.push(`${file}: ${(err as Error).message}`);
      }
    }
  };
  read('customer', join(examplesDir, 'customer'), false);
  read('mobile', persistedDir, true);
  read('partner', join(examplesDir, 'partner'), false);
  if (problems.length > 0) throw new ExampleError(`Invalid explorer examples:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return out;
}

function readMobileVariables(file: string, problems: string[]): Record<string, object> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('expected an object keyed by operation name');
    return parsed as Record<string, object>;
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return {};
  }
}

/** One example from its text: `# title:` and `# variables:` comment lines are metadata, the rest is the document. */
export function parseExample(group: ExampleGroup, file: string, text: string, persisted = false): ExampleOperation {
  const meta: Record<string, string> = {};
  const kept = text.split('\n').filter((line) => {
    const m = META.exec(line.trim());
    if (m) meta[m[1]] = m[2].trim();
    return !m;
  });
  // The manifest hashes the trimmed file, so a persisted operation stays exactly as written.
  const query = persisted ? text.trim() : kept.join('\n').trim();
  const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`holds ${operations.length} operations; put exactly one in each file`);
  const operationName = operations[0].name?.value;
  if (!operationName) throw new Error('the operation is anonymous; give it a name (GraphiQL titles the tab with it)');
  let variables = skeletonVariables(operations[0]);
  if (meta.variables !== undefined) {
    try {
      variables = JSON.parse(meta.variables) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`"# variables:" is not JSON (${(err as Error).message})`, { cause: err });
    }
  }
  const title = meta.title ?? `${group === 'mobile' ? 'Mobile' : group === 'customer' ? 'Customer' : 'Partner'} · ${operationName}`;
  return { group, file, title, operationName, query, variables: JSON.stringify(variables, null, 2) };
}

// Persisted operations carry no metadata: give each required variable a typed blank to fill in.
function skeletonVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue || v.type.kind !== Kind.NON_NULL_TYPE) continue;
    out[v.variable.name.value] = blankFor(v.type.type);
  }
  return out;
}

function blankFor(type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) return blankFor(type.type);
  if (type.kind === Kind.LIST_TYPE) return [];
  return ({ Int: 1, Float: 1, Boolean: false, String: '', ID: '' } as Record<string, unknown>)[type.name.value] ?? null;
}
