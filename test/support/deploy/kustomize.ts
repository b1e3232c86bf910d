/**
 * Reads a kustomization the way `kubectl apply -k` would for what these tests need: the resources
 * it lists (files, and folders with their own kustomization), the ConfigMaps its generators make,
 * and the files it names. No cluster and no kustomize binary: plain YAML parsing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '../../..');

/** A Kubernetes object as written (or generated), with the file it came from. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; namespace?: string };
  [field: string]: unknown;
  /** Repository-relative file it was read or generated from. */
  readonly source?: string;
}

interface Generator {
  name: string;
  envs?: string[];
  files?: string[];
  literals?: string[];
  options?: { disableNameSuffixHash?: boolean; labels?: Record<string, string> };
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
}

export interface Rendered {
  objects: K8sObject[];
  /** Every file the kustomization (and the ones it includes) names, repository-relative. */
  files: string[];
  /** Kustomization files read, repository-relative. */
  kustomizations: string[];
  /** Generated ConfigMaps by name, with whether their name gets kustomize's content-hash suffix. */
  generated: Map<string, { hashSuffix: boolean }>;
  images: NonNullable<Kustomization['images']>;
  problems: string[];
}

/** KEY=VALUE lines as kustomize reads an `envs` file: `#` comments and blank lines skipped, the value kept as written. */
export function parseEnvFile(text: string, file: string, problems: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) problems.push(`${file}:${i + 1}: not KEY=VALUE: ${JSON.stringify(line)}`);
    else out[key] = eq < 0 ? '' : line.slice(eq + 1);
  });
  return out;
}

const repoPath = (path: string) => relative(REPO_ROOT, path);

/** Renders the kustomization in `dir` (repository-relative or absolute). */
export function renderKustomization(dir: string): Rendered {
  const rendered: Rendered = { objects: [], files: [], kustomizations: [], generated: new Map(), images: [], problems: [] };
  renderInto(resolve(REPO_ROOT, dir), rendered, undefined);
  return rendered;
}

function renderInto(dir: string, out: Rendered, inheritedNamespace: string | undefined): void {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) {
    out.problems.push(`${repoPath(dir)} has no kustomization.yaml`);
    return;
  }
  out.kustomizations.push(repoPath(file));
  const k = parse(readFileSync(file, 'utf8')) as Kustomization;
  if (k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k.kind !== 'Kustomization')
    out.problems.push(`${repoPath(file)}: apiVersion/kind must be kustomize.config.k8s.io/v1beta1 Kustomization`);
  const namespace = k.namespace ?? inheritedNamespace;
  const before = out.objects.length;
  const named = (path: string) => {
    const full = resolve(dir, path);
    if (!existsSync(full)) out.problems.push(`${repoPath(file)} names ${path}, which does not exist`);
    return full;
  };

  for (const entry of k.resources ?? []) {
    const full = named(entry);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) {
      renderInto(full, out, namespace);
      continue;
    }
    out.files.push(repoPath(full));
    for (const doc of parseAllDocuments(readFileSync(full, 'utf8'))) {
      if (doc.errors.length > 0) out.problems.push(`${repoPath(full)}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const object = doc.toJS() as K8sObject | null;
      if (object !== null) out.objects.push({ ...object, source: repoPath(full) });
    }
  }

  for (const generator of k.configMapGenerator ?? []) {
    const data: Record<string, string> = {};
    for (const envFile of generator.envs ?? []) {
      const full = named(envFile);
      out.files.push(repoPath(full));
      if (existsSync(full)) Object.assign(data, parseEnvFile(readFileSync(full, 'utf8'), repoPath(full), out.problems));
    }
    for (const spec of generator.files ?? []) {
      const [key, path] = spec.includes('=') ? spec.split('=', 2) : [basename(spec), spec];
      const full = named(path);
      out.files.push(repoPath(full));
      if (existsSync(full)) data[key] = readFileSync(full, 'utf8');
    }
    for (const literal of generator.literals ?? []) {
      const eq = literal.indexOf('=');
      data[literal.slice(0, eq)] = literal.slice(eq + 1);
    }
    const labels = generator.options?.labels;
    out.objects.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: generator.name, ...(labels ? { labels } : {}) },
      data,
      source: repoPath(file),
    });
    out.generated.set(generator.name, { hashSuffix: generator.options?.disableNameSuffixHash !== true });
  }
  if (k.secretGenerator?.length) out.problems.push(`${repoPath(file)}: secretGenerator is not read by these checks`);
  out.images.push(...(k.images ?? []));

  if (namespace !== undefined) {
    for (const object of out.objects.slice(before)) {
      if (object.kind !== 'Namespace') object.metadata = { ...object.metadata, namespace };
    }
  }
}
