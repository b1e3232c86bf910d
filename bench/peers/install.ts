/**
 * The peer gateways live in their own npm project (bench/peers/package.json + lockfile), out of the
 * project's dependencies. They are installed on demand with `npm ci --prefix bench/peers`, when
 * node_modules is missing or holds other versions than the pinned ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEERS_DIR = __dirname;

/** Pinned name → version from bench/peers/package.json. */
export function pinnedPeers(): Record<string, string> {
  return (JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
}

/** The installed version of a peer package, or undefined when it is not installed. */
export function installedVersion(name: string): string | undefined {
  const file = join(PEERS_DIR, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

/** Installs the peers when they are missing or stale; returns the installed versions. */
export function ensurePeersInstalled(log: (line: string) => void): Record<string, string> {
  const pinned = pinnedPeers();
  const stale = Object.entries(pinned).filter(([name, version]) => installedVersion(name) !== version);
  if (stale.length > 0) {
    log(`peers: installing into bench/peers/node_modules (${stale.map(([n, v]) => `${n}@${v}`).join(', ')}); a few minutes the first time`);
    execFileSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const versions = Object.fromEntries(Object.keys(pinned).map((name) => [name, installedVersion(name) ?? 'missing']));
  const still = Object.entries(pinned).filter(([name, version]) => versions[name] !== version);
  if (still.length > 0)
    throw new Error(`peers: after npm ci, ${still.map(([n, v]) => `${n} is ${versions[n]} instead of ${v}`).join('; ')}`);
  return versions;
}
