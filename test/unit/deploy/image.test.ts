/**
 * deploy/Dockerfile, checked without Docker (none runs here): it lints clean (dockerfile-utils), builds
 * in one stage and runs from a production-only install in the last, runs as a non-root user with no
 * secret baked in, carries every file the processes read at run time, and each role's command is a
 * package.json script. The runtime's npm packages are computed from the code: every package a role
 * imports must be one `npm ci --omit=dev` installs.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { validate } from 'dockerfile-utils';
import { loadGatewayConfig } from '../../../gateway/config';
import { explorerDistDir, projectRoot } from '../../../gateway/explorer/paths';
import { DOCKERFILE, readDockerfile } from '../../support/deploy/dockerfile';
import { REPO_ROOT } from '../../support/deploy/kustomize';
import { compiledEntry, ROLE_NAMES, ROLES } from '../../support/deploy/roles';
import { packageOf, runtimePackages } from '../../support/deploy/runtime-imports';

const { text, stages } = readDockerfile();
const [build, runtime] = [stages[0], stages.at(-1)!];
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const dockerignore = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
/** A package the production install would not give the code: not a declared dependency, or only reachable from devDependencies. */
const missingInProduction = (name: string) => !(name in pkg.dependencies) || lock.packages[`node_modules/${name}`]?.dev === true;

describe('deploy/Dockerfile', () => {
  it('lints clean', () => {
    expect(validate(text).map((d) => `${DOCKERFILE}:${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds with the devDependencies in one stage and runs from a production-only install in the last', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.runs).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci\b(?!.*--omit)/), 'npm run build']));
    expect(runtime.runs).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    // Only the build's output crosses over: not its node_modules (devDependencies) nor its sources.
    const fromBuild = runtime.copies.filter((c) => c.from !== undefined);
    expect(fromBuild.map((c) => [c.from, c.sources])).toEqual([
      [build.name, ['/app/dist']],
      [build.name, [`/app/${relative(projectRoot(), explorerDistDir())}`]],
    ]);
    expect(runtime.copies.flatMap((c) => c.sources)).not.toContain('.');
  });

  it('runs as a numeric non-root user, and bakes no secret in', () => {
    expect(runtime.user).toMatch(/^[1-9]\d*(:\d+)?$/);
    const names = [...stages.flatMap((s) => Object.keys(s.env)), ...[...text.matchAll(/^ARG\s+([A-Z_]+)/gm)].map((m) => m[1])];
    expect(names.filter((n) => /SECRET|TOKEN|PASSWORD|KEY|JWT|REDIS_URL|PARTNER/.test(n))).toEqual([]);
    expect(dockerignore).toEqual(expect.arrayContaining(['.env', '.env.*', '**/node_modules', 'dist', '.git']));
  });

  it("defaults to the gateway, and each role's command is its package.json serve script", () => {
    expect(runtime.entrypoint).toEqual(['node']);
    expect(['node', ...(runtime.cmd ?? [])].join(' ')).toBe(pkg.scripts['serve:gateway']);
    for (const role of ROLE_NAMES) {
      expect([role, pkg.scripts[`serve:${role}`]]).toEqual([role, `node ${compiledEntry(role)}`]);
      expect(readFileSync(join(REPO_ROOT, ROLES[role].entry), 'utf8')).toContain(ROLES[role].load.name);
    }
  });

  it('carries every file the processes read from the project folder at run time', () => {
    // `COPY a b ./` puts a and b in the folder; `COPY dir ./dir` makes dir.
    const inImage = runtime.copies.flatMap((c) =>
      c.dest.endsWith('/') ? c.sources.map((s) => join(c.dest, basename(s))) : [c.dest.replace(/^\.\//, '')],
    );
    const gatewayDefaults = loadGatewayConfig({});
    const readAtRunTime = [
      'package.json', // projectRoot() finds the project folder by it
      gatewayDefaults.supergraphPath,
      gatewayDefaults.safelist.manifestPath,
      relative(projectRoot(), explorerDistDir()),
      'gateway/explorer/examples/mobile-variables.json',
      'persisted-operations/order-list.graphql', // the explorer's mobile tab
    ];
    for (const path of readAtRunTime)
      expect([path, inImage.some((dest) => path === dest || path.startsWith(`${dest}/`))]).toEqual([path, true]);
  });

  it.each(ROLE_NAMES)('%s needs at run time only packages `npm ci --omit=dev` installs', (role) => {
    const packages = runtimePackages(ROLES[role].entry);
    expect(packages.size).toBeGreaterThan(role === 'jd-sandbox' ? 0 : 5);
    const notInstalled = [...packages].filter(([name]) => missingInProduction(name));
    expect(notInstalled.map(([name, files]) => `${name} (required by ${files[0]})`)).toEqual([]);
  });

  it('the runtime-package check can fail: scripts that import devDependencies are caught', () => {
    expect([...runtimePackages('scripts/build-explorer.ts').keys()].filter(missingInProduction)).toEqual(['esbuild']);
    expect([...runtimePackages('scripts/compose.ts').keys()].filter(missingInProduction)).toEqual([
      '@apollo/composition',
      '@apollo/federation-internals',
      '@graphql-inspector/core',
    ]);
    expect(packageOf('@apollo/server/plugin/drainHttpServer')).toBe('@apollo/server');
  });
});
