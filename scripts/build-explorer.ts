import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
// Only the paths, not the explorer barrel: the build step needs no router, config or Express.
import { EXPLORER_ASSETS, explorerDistDir, projectRoot } from '../gateway/explorer/paths';

// `npm run build:explorer`: GraphiQL (npm) + Monaco's web workers -> gateway/explorer/dist/, served by
// the gateway at /explorer. Everything the page needs is emitted here; nothing comes from a CDN.

const CLIENT_DIR = join(projectRoot(), 'gateway', 'explorer', 'client');
const STAMP_FILE = 'build-stamp.txt';
const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

/** What the output depends on: the client sources and the installed versions of what is bundled. */
export function explorerInputsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(CLIENT_DIR).sort()) hash.update(file).update(readFileSync(join(CLIENT_DIR, file)));
  for (const pkg of [
    'graphiql',
    '@graphiql/react',
    'monaco-editor',
    'monaco-graphql',
    'react',
    'react-dom',
    'esbuild',
    'graphql-voyager',
  ]) {
    hash.update(pkg).update(readFileSync(require.resolve(`${pkg}/package.json`, { paths: [projectRoot()] })));
  }
  hash.update(readFileSync(__filename));
  return hash.digest('hex');
}

/** True when dist/ holds a complete build of the current inputs. */
export function explorerIsBuilt(outDir = explorerDistDir()): boolean {
  const stamp = join(outDir, STAMP_FILE);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== explorerInputsFingerprint()) return false;
  return EXPLORER_ASSETS.every((asset) => existsSync(join(outDir, 'assets', asset)));
}

/** Bundles the explorer into `outDir` (wiped first), then moves inline CSS data into files and checks for external URLs. */
export async function buildExplorer(outDir = explorerDistDir()): Promise<void> {
  const assets = join(outDir, 'assets');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    legalComments: 'linked' as const,
    target: ['chrome110', 'firefox110', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: projectRoot(),
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: {
      explorer: join(CLIENT_DIR, 'main.mjs'),
      'explorer-styles': join(CLIENT_DIR, 'explorer.css'),
      nonce: join(CLIENT_DIR, 'nonce.mjs'),
      'schema-map': join(CLIENT_DIR, 'schema-map.mjs'),
      'schema-map-styles': join(CLIENT_DIR, 'schema-map.css'),
    },
    outdir: assets,
    format: 'iife',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'files/[name]-[hash]',
  });
  await build({ ...common, entryPoints: WORKERS, outdir: assets, format: 'iife' });
  copyFileSync(join(CLIENT_DIR, 'favicon.svg'), join(assets, 'favicon.svg'));
  // GraphQL Voyager's own standalone build (React included, its Graphviz worker inline) for the schema map.
  const voyager = dirname(require.resolve('graphql-voyager/package.json', { paths: [projectRoot()] }));
  copyFileSync(join(voyager, 'dist', 'voyager.standalone.js'), join(assets, 'voyager.js'));
  copyFileSync(join(voyager, 'dist', 'voyager.css'), join(assets, 'voyager.css'));
  for (const css of readdirSync(assets).filter((f) => f.endsWith('.css'))) externaliseDataUrls(join(assets, css), assets);
  assertNothingExternal(assets);
  writeFileSync(join(outDir, STAMP_FILE), `${explorerInputsFingerprint()}\n`);
}

/** Builds only when dist/ is missing or stale; returns whether it built. */
export async function ensureExplorerBuilt(outDir = explorerDistDir()): Promise<boolean> {
  if (explorerIsBuilt(outDir)) return false;
  await buildExplorer(outDir);
  return true;
}

const MIME_EXTENSIONS: Record<string, string> = {
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'font/ttf': 'ttf',
  'application/font-woff': 'woff',
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'image/gif': 'gif',
};

/** GraphiQL inlines its fonts and a few images as data: URLs; the CSP allows only 'self', so they become files. */
export function externaliseDataUrls(cssFile: string, assetsDir: string): void {
  const filesDir = join(assetsDir, 'files');
  mkdirSync(filesDir, { recursive: true });
  const css = readFileSync(cssFile, 'utf8').replace(
    /url\(\s*(?:"data:([^"]*)"|'data:([^']*)'|data:([^"')\s]*))\s*\)/g,
    (_m, dq?: string, sq?: string, bare?: string) => {
      const url = dq ?? sq ?? bare ?? '';
      const comma = url.indexOf(',');
      const [mime, ...params] = url.slice(0, comma).split(';');
      const data = url.slice(comma + 1);
      const bytes = params.includes('base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data));
      const name = `inline-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${MIME_EXTENSIONS[mime] ?? 'bin'}`;
      writeFileSync(join(filesDir, name), bytes);
      return `url(files/${name})`;
    },
  );
  writeFileSync(cssFile, css);
}

/** A stylesheet or script that would fetch from another origin makes the build fail rather than the page leak. */
export function assertNothingExternal(assetsDir: string): void {
  const problems: string[] = [];
  for (const file of readdirSync(assetsDir).filter((f) => /\.(css|js)$/.test(f))) {
    const text = readFileSync(join(assetsDir, file), 'utf8');
    const patterns = file.endsWith('.css')
      ? [/url\(\s*["']?(?!(?:\.\/)?files\/)([^"')]+)/g, /@import\s+(?:url\()?["']?([^"');]+)/g]
      : [/\bimportScripts\(\s*["'`](https?:[^"'`]+)/g, /\bimport\(\s*["'`](https?:[^"'`]+)/g, /new\s+Worker\(\s*["'`](https?:[^"'`]+)/g];
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) problems.push(`${file}: ${m[1]}`);
  }
  if (problems.length > 0)
    throw new Error(`The explorer bundle would load something from outside:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

if (require.main === module) {
  const force = process.argv.includes('--force');
  const started = Date.now();
  (force ? buildExplorer().then(() => true) : ensureExplorerBuilt()).then(
    (built) =>
      process.stdout.write(
        `${built ? 'Built' : 'Up to date:'} ${relative(process.cwd(), explorerDistDir()) || '.'}${built ? ` in ${Date.now() - started} ms` : ''}\n`,
      ),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
