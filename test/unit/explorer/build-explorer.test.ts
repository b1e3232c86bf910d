import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNothingExternal, externaliseDataUrls } from '../../../scripts/build-explorer';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'explorer-build-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('externaliseDataUrls', () => {
  it('turns base64 and percent-encoded data: URLs, quoted or not, into same-origin files with the same bytes', () => {
    const font = Buffer.from('pretend woff2 bytes');
    const svg = "<svg xmlns='http://www.w3.org/2000/svg'/>";
    writeFileSync(
      join(dir, 'a.css'),
      `@font-face{src:url(data:font/woff2;base64,${font.toString('base64')}) format("woff2")}` +
        `.x{background:url("data:image/svg+xml,${encodeURIComponent(svg).replace(/%27/g, "'")}")}` +
        `.y{background:url('data:image/png;base64,${Buffer.from('png').toString('base64')}')}`,
    );
    externaliseDataUrls(join(dir, 'a.css'), dir);

    const css = readFileSync(join(dir, 'a.css'), 'utf8');
    expect(css).not.toContain('data:');
    const refs = [...css.matchAll(/url\(files\/([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.map((r) => r.split('.').pop())).toEqual(['woff2', 'svg', 'png']);
    expect(readFileSync(join(dir, 'files', refs[0]))).toEqual(font);
    expect(readFileSync(join(dir, 'files', refs[1]), 'utf8')).toBe(svg);
    expect(readdirSync(join(dir, 'files'))).toHaveLength(3);
    expect(() => assertNothingExternal(dir)).not.toThrow();
  });
});

describe('assertNothingExternal', () => {
  it('fails the build on stylesheets or scripts that would load from another origin, naming each', () => {
    writeFileSync(
      join(dir, 'a.css'),
      '@import url("https://fonts.googleapis.com/css?family=Roboto"); .a{background:url(https://cdn.example/x.png)}',
    );
    writeFileSync(join(dir, 'b.js'), 'importScripts("https://cdn.example/worker.js"); new Worker("http://cdn.example/w.js")');
    expect(() => assertNothingExternal(dir)).toThrow(/fonts\.googleapis\.com[\s\S]*cdn\.example\/x\.png[\s\S]*worker\.js[\s\S]*w\.js/);
  });

  it('accepts namespace strings and documentation links that are never fetched', () => {
    writeFileSync(join(dir, 'a.js'), 'const ns="http://www.w3.org/2000/svg"; const doc="https://github.com/graphql/graphiql";');
    writeFileSync(join(dir, 'a.css'), '.a{background:url(./files/x.png)}');
    expect(() => assertNothingExternal(dir)).not.toThrow();
  });
});
