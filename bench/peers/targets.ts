/**
 * What the peers bench loads, each gateway in its own process in front of the one subgraph process:
 * ours (gateway/index.ts — createGateway over the committed supergraph, SUBGRAPH_URL_* at the running
 * subgraphs), Hive Gateway through its CLI with hive.config.ts (plain, and with --hive-router-runtime,
 * which plugs @graphql-hive/router-runtime's unifiedGraphHandler in), and the offices subgraph itself.
 * Ours also runs as `base` (the gateway of the --baseline commit, from `git archive`, for an A/B of a
 * code change in one run) and as `variant` (ours with the --variant-env settings, e.g. GATEWAY_WORKERS=2).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JwtConfig } from '../../gateway/config';
import type { HivePeerSettings } from './hive.config';
import { PEERS_DIR } from './install';
import type { TargetId } from './options';
import { startProcess, waitUntilReady, type Managed } from '../lib/managed-process';
import { spawnOurGateway } from '../lib/gateway-process';
import { freePort } from '../../test/support/processes';

const ROOT = join(__dirname, '..', '..');
export const SUPERGRAPH_PATH = join(ROOT, 'schema', 'supergraph.graphql');
export const MANIFEST_PATH = join(ROOT, 'persisted-operations', 'manifest.json');

export const TARGET_LABELS: Record<TargetId, string> = {
  ours: 'ours (Apollo Gateway)',
  base: 'ours at the baseline commit',
  variant: 'ours with the variant settings',
  hive: 'Hive Gateway',
  'hive-rust': 'Hive Gateway + Rust planner',
  direct: 'offices subgraph directly',
};

export interface TargetSettings {
  subgraphUrls: Record<string, string>;
  signingSecret: string;
  jwt: JwtConfig;
  /** The environment every child starts from (already cleaned of REDIS_URL, JD_API_URL, …). */
  env: NodeJS.ProcessEnv;
  oursEnv: Record<string, string>;
  /** The commit the `base` target runs (--baseline). */
  baseline?: string;
  /** The `variant` target's extra environment (--variant-env). */
  variantEnv: Record<string, string>;
}

export interface RunningTarget {
  id: TargetId;
  label: string;
  /** The GraphQL endpoint. */
  url: string;
  /** The process to measure; undefined for the subgraph itself (it is the subgraph process). */
  pid?: number;
  /** Undefined while the process runs; what it printed last once it has exited. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

async function answersTypename(url: string): Promise<boolean> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  await res.arrayBuffer();
  return res.status === 200;
}

async function startGatewayProcess(id: TargetId, port: number, start: () => Managed): Promise<RunningTarget> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const managed = start();
  try {
    await waitUntilReady(TARGET_LABELS[id], managed, () => answersTypename(url));
  } catch (err) {
    await managed.stop();
    throw err;
  }
  const exited = () =>
    managed.child.exitCode === null && managed.child.signalCode === null
      ? undefined
      : `exit ${managed.child.exitCode ?? managed.child.signalCode}:\n${managed.output()}`;
  return { id, label: TARGET_LABELS[id], url, pid: managed.pid, exited, stop: managed.stop };
}

function startOurs(settings: TargetSettings, port: number, root = ROOT, extraEnv: Record<string, string> = {}): Managed {
  return spawnOurGateway({
    root,
    port,
    subgraphUrls: settings.subgraphUrls,
    env: { ...settings.env, LOG_LEVEL: 'silent', ...settings.oursEnv, ...extraEnv },
  });
}

/** The project's files at `commit` in a temporary folder (git archive: no checkout, no worktree), with our node_modules. */
export function checkoutBaseline(commit: string): { root: string; sha: string; remove(): void } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const root = mkdtempSync(join(tmpdir(), `peers-base-${sha.slice(0, 8)}-`));
  execFileSync('sh', ['-c', `git archive --format=tar ${sha} | tar -x -C "${root}"`], { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return { root, sha, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The commit the baseline resolves to, for the report. */
export function baselineCommit(commit: string): string {
  return execFileSync('git', ['rev-parse', '--short', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
}

function hiveBin(): string {
  const dir = join(PEERS_DIR, 'node_modules', '@graphql-hive', 'gateway');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(dir, pkg.bin['hive-gateway']);
}

function startHive(settings: TargetSettings, port: number, routerRuntime: boolean): Managed {
  if (settings.jwt.hs256Secret === undefined)
    throw new Error('the peers bench needs the HS256 JWT settings (sandbox defaults); unset JWT_JWKS_URL/JWT_JWKS_FILE');
  const hive: HivePeerSettings = {
    subgraphUrls: settings.subgraphUrls,
    signingSecret: settings.signingSecret,
    jwt: { issuer: settings.jwt.issuer, audience: settings.jwt.audience, hs256Secret: settings.jwt.hs256Secret },
    manifestPath: MANIFEST_PATH,
  };
  const args = [
    hiveBin(),
    'supergraph',
    SUPERGRAPH_PATH,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--config-path',
    join(PEERS_DIR, 'hive.config.ts'),
  ];
  if (routerRuntime) args.push('--hive-router-runtime');
  // Hive's logger reads LOG_LEVEL before the config turns logging off, and has no "silent".
  const env: NodeJS.ProcessEnv = { ...settings.env, LOG_LEVEL: 'error', PEERS_HIVE_SETTINGS: JSON.stringify(hive) };
  delete env.HIVE_ROUTER_RUNTIME; // only the flag above decides the runtime
  return startProcess(process.execPath, args, { cwd: PEERS_DIR, env });
}

/** Starts one target and waits until it answers `{ __typename }`. */
export async function startTarget(id: TargetId, settings: TargetSettings): Promise<RunningTarget> {
  if (id === 'direct')
    return { id, label: TARGET_LABELS[id], url: settings.subgraphUrls.offices, exited: () => undefined, stop: async () => undefined };
  const port = await freePort();
  if (id === 'ours') return startGatewayProcess(id, port, () => startOurs(settings, port));
  if (id === 'variant') return startGatewayProcess(id, port, () => startOurs(settings, port, ROOT, settings.variantEnv));
  if (id === 'base') {
    if (settings.baseline === undefined) throw new Error('the base target needs --baseline <commit>');
    const checkout = checkoutBaseline(settings.baseline);
    const target = await startGatewayProcess(id, port, () => startOurs(settings, port, checkout.root)).catch((err: unknown) => {
      checkout.remove();
      throw err;
    });
    return { ...target, stop: () => target.stop().finally(() => checkout.remove()) };
  }
  return startGatewayProcess(id, port, () => startHive(settings, port, id === 'hive-rust'));
}
