/**
 * The npm packages a process needs at run time: every module reachable from its entry point through
 * imports that survive compilation (type-only imports are erased, decorator metadata keeps what it
 * references). Each file is compiled on its own by SWC with the options the tests run under (tsc's
 * output differs in form, not in which imports it keeps); SWC because it does ~300 files in a blink.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { transformSync, type Options } from '@swc/core';
import { REPO_ROOT } from './kustomize';

const SWC: Options = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'commonjs' },
  swcrc: false,
};

const BUILTINS = new Set(builtinModules);
// Files are shared by several entries: compile each once.
const requiresOf = new Map<string, string[]>();

function requires(file: string): string[] {
  let found = requiresOf.get(file);
  if (!found) {
    const js = transformSync(readFileSync(file, 'utf8'), { ...SWC, filename: file }).code;
    found = [...js.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    requiresOf.set(file, found);
  }
  return found;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.json`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
}

/** Package name → the repository files that require it, for everything reachable from `entry` (repository-relative). */
export function runtimePackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue = [join(REPO_ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.endsWith('.ts')) continue;
    seen.add(file);
    for (const specifier of requires(file)) {
      if (specifier.startsWith('.')) {
        const local = resolveLocal(file, specifier);
        if (local) queue.push(local);
        else throw new Error(`${relative(REPO_ROOT, file)}: cannot resolve ${specifier}`);
      } else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier)) {
        const name = packageOf(specifier);
        packages.set(name, [...(packages.get(name) ?? []), relative(REPO_ROOT, file)]);
      }
    }
  }
  return packages;
}
