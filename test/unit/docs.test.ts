/**
 * The documents stay true: every `npm run` script, setting, link and path that README.md and the
 * other Markdown files name exists, and nothing in the repository points at material it does not carry.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  checkDoc,
  headingAnchors,
  linksIn,
  npmRunsIn,
  outsideReferences,
  pathsIn,
  settingsIn,
  type RepoFacts,
} from '../support/doc-checks';

const root = resolve(__dirname, '../..');
// Build output, dependencies and local scratch: not part of what a clone carries.
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage', 'test-output', 'out']);
const THIS_CHECK = new Set(['test/unit/docs.test.ts', 'test/support/doc-checks.ts']);

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), keep, out);
    } else if (keep(entry.name)) out.push(relative(root, join(dir, entry.name)));
  }
  return out;
}

const markdownFiles = walk(root, (name) => name.endsWith('.md'))
  .filter((p) => !p.startsWith('bench/results/'))
  .sort();
const tsFiles = walk(root, (name) => name.endsWith('.ts')).filter((p) => !THIS_CHECK.has(p));

function repoFacts(): RepoFacts {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const benchCli = readFileSync(join(root, 'bench/run.ts'), 'utf8');
  const sourceWords = new Set<string>();
  for (const file of tsFiles)
    for (const word of readFileSync(join(root, file), 'utf8').match(/[A-Za-z0-9_]+/g) ?? [])
      if (/^[A-Z][A-Z0-9_]*$/.test(word)) sourceWords.add(word);
  return {
    scripts: new Set(Object.keys(pkg.scripts)),
    benches: new Set([...benchCli.matchAll(/^\s+([a-z][\w-]*): \{ bench:/gm)].map((m) => m[1])),
    sourceWords,
    topLevel: new Set(readdirSync(root).filter((name) => !SKIPPED_DIRS.has(name))),
    exists: (path) => {
      const full = join(root, path);
      return existsSync(full) && (!path.endsWith('/') || statSync(full).isDirectory());
    },
    anchors: (path) =>
      path.endsWith('.md') && existsSync(join(root, path)) ? headingAnchors(readFileSync(join(root, path), 'utf8')) : undefined,
  };
}

describe('the documents', () => {
  const repo = repoFacts();

  it('include the README and the docs folder', () => {
    expect(markdownFiles).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/architecture.md',
        'docs/operations.md',
        'docs/partners.md',
        'docs/mobile.md',
        'docs/benchmarks.md',
      ]),
    );
    expect(repo.benches.size).toBeGreaterThan(0); // else every `npm run bench -- x` would fail for the wrong reason
  });

  it.each(markdownFiles)('%s names only scripts, settings, links and paths that exist', (doc) => {
    expect(checkDoc(doc, readFileSync(join(root, doc), 'utf8'), repo)).toEqual([]);
  });

  it('the README fits on two screens', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(110);
  });

  it('nothing in the repository points at material outside it', () => {
    const text = walk(root, (name) => /\.(ts|md|json|graphql|js|mjs|ya?ml|css|html)$/.test(name) || name === 'run').filter(
      (p) => !THIS_CHECK.has(p) && p !== 'package-lock.json',
    );
    expect(text.flatMap((file) => outsideReferences(file, readFileSync(join(root, file), 'utf8')))).toEqual([]);
  });
});

describe('the document checks can fail', () => {
  const facts: RepoFacts = {
    scripts: new Set(['start', 'test', 'bench', 'token']),
    benches: new Set(['graph']),
    sourceWords: new Set(['JD_TIMEOUT_MS', 'SUBGRAPH_URL_', 'JD_SANDBOX_PORT', 'APQ']),
    topLevel: new Set(['docs', 'jd']),
    exists: (path) => ['README.md', 'docs/ops.md', 'jd/client/config.ts', 'docs/'].includes(path),
    anchors: (path) => ({ 'docs/ops.md': new Set(['settings']), 'README.md': new Set(['quick-start']) })[path],
  };
  const problems = (markdown: string) => checkDoc('README.md', markdown, facts);

  it('accepts a document that only names what exists', () => {
    const doc = [
      'Run `npm start`, `npm test`, `npm run --silent token -- jd_demo_bob`, `npm run bench -- graph --rounds 2` and `npm run to<name>`.',
      '```sh\nHASH=$(sha256sum q) && curl "…$HASH"\n```',
      'Set `JD_TIMEOUT_MS`, `SUBGRAPH_URL_<NAME>`, `JD_SANDBOX_*`; `APQ=false npm start`.',
      'See [ops](docs/ops.md#settings), [here](#quick-start), `jd/client/config.ts`, `docs/`, `dist/start.js`, `jd/*.ts`.',
    ].join('\n');
    expect(problems(doc)).toEqual([]);
  });

  it('names a missing script, bench, setting, family, link, anchor and path', () => {
    const doc = [
      '`npm run deploy`, `npm run bench -- peers`, `npm run start:<name>`.',
      '`JD_TIMEOUT_SECONDS`, `OTEL_*`, `EXPLORER=true npm start`.',
      '[gone](docs/missing.md), [anchor](docs/ops.md#limits), [here](#nowhere), [out](../../etc/passwd).',
      '`jd/client/gone.ts`',
    ].join('\n');
    expect(problems(doc)).toEqual([
      'README.md: `npm run deploy` is not a script in package.json',
      'README.md: `npm run bench -- peers`: bench/run.ts has no bench "peers"',
      'README.md: no script in package.json matches `npm run start:<…>`',
      'README.md: OTEL_<…> does not appear in any .ts source',
      'README.md: JD_TIMEOUT_SECONDS does not appear in any .ts source',
      'README.md: EXPLORER does not appear in any .ts source',
      'README.md: link docs/missing.md points at nothing in the repository',
      'README.md: link docs/ops.md#limits: docs/ops.md has no heading #limits',
      'README.md: link #nowhere: README.md has no heading #nowhere',
      'README.md: link ../../etc/passwd points at nothing in the repository',
      'README.md: `jd/client/gone.ts` does not exist',
    ]);
  });

  it('reads names from code blocks but links only from prose', () => {
    const doc = '```sh\nJD_SANDBOX_PORT=4020 npm run sandbox\n# [not a link](nowhere.md)\n```\n';
    expect(npmRunsIn(doc)).toEqual([{ script: 'sandbox', args: [] }]);
    expect(settingsIn(doc)).toEqual([{ name: 'JD_SANDBOX_PORT' }]);
    expect(linksIn(doc)).toEqual([]);
    expect(pathsIn('`jd/client/` and `http://127.0.0.1:4000/graphql/x.md`', new Set(['jd', '4000']))).toEqual(['jd/client/']);
  });

  it('anchors follow GitHub: punctuation dropped, repeats numbered', () => {
    expect([
      ...headingAnchors('# Ports and settings\n## `npm start`: what it prints\n## Ports and settings\n```\n# not a heading\n```'),
    ]).toEqual(['ports-and-settings', 'npm-start-what-it-prints', 'ports-and-settings-1']);
  });

  it('finds references to material outside the repository', () => {
    expect(outsideReferences('x.ts', 'ok\n// from seeds/003_abc.txt\n// JD says so (seed §7)\n// see DESIGN.md')).toEqual([
      'x.ts:2: // from seeds/003_abc.txt',
      'x.ts:3: // JD says so (seed §7)',
      'x.ts:4: // see DESIGN.md',
    ]);
  });
});
