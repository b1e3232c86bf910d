import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import {
  createExplorerRouter,
  EXPLORER_ASSETS,
  parseExample,
  type ExplorerClientConfig,
  type ExplorerOptions,
} from '../../../gateway/explorer';

const examples = [
  parseExample('customer', 'c.graphql', 'query Dashboard { orders { totalCount } }'),
  parseExample('mobile', 'm.graphql', 'query OrderList { orders { totalCount } }', true),
  parseExample('partner', 'p.graphql', 'query Offices { supportOffices { id } }'),
];

let distDir: string;
let server: http.Server | undefined;

beforeAll(() => {
  // A fake build: the router only serves files, so their content does not matter here.
  distDir = mkdtempSync(join(tmpdir(), 'explorer-dist-'));
  mkdirSync(join(distDir, 'assets'));
  for (const asset of EXPLORER_ASSETS) writeFileSync(join(distDir, 'assets', asset), `/* ${asset} */`);
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(options: Partial<ExplorerOptions> = {}): Promise<string> {
  const app = express();
  app.use('/explorer', createExplorerRouter({ graphqlPath: '/graphql', examples, distDir, ...options }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/explorer`;
}

describe('createExplorerRouter', () => {
  it('serves the page with a same-origin CSP whose style nonce matches the page, fresh on every load', async () => {
    const base = await serve();
    const first = await fetch(base);
    const second = await fetch(`${base}/`);
    const csp = first.headers.get('content-security-policy') ?? '';
    const html = await first.text();
    const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(html)?.[1];

    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/html/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(nonce).toBeDefined();
    expect(csp).toContain(`style-src-elem 'self' 'nonce-${nonce}'`);
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    // Only same-origin, absolute-path assets under the mount point; no inline script.
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/explorer/assets/favicon.svg',
      '/explorer/assets/explorer-styles.css',
      '/explorer/assets/explorer.css',
      '/explorer/assets/nonce.js',
      '/explorer/assets/explorer.js',
    ]);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script[^>]*>[^<]/);
  });

  it('serves the schema map next to it: same-origin assets, and only WebAssembly and blob: workers added to the CSP', async () => {
    const base = await serve();
    const response = await fetch(`${base}/map`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(html)?.[1];

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(csp).toContain(`style-src-elem 'self' 'nonce-${nonce}'`);
    expect(csp).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(csp).toMatch(/(^|; )worker-src 'self' blob:(;|$)/);
    expect(csp).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(csp.split('; ').filter((d) => d.includes('unsafe-inline'))).toEqual(["style-src-attr 'unsafe-inline'"]);
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/explorer/assets/favicon.svg',
      '/explorer/assets/voyager.css',
      '/explorer/assets/schema-map-styles.css',
      '/explorer/assets/nonce.js',
      '/explorer/assets/voyager.js',
      '/explorer/assets/schema-map.js',
      '/explorer',
    ]);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script[^>]*>[^<]/);
  });

  it('pre-fills the partner key on partner tabs and the customer token on customer and mobile tabs in sandbox mode', async () => {
    const base = await serve({ demoCredentials: { partnerApiKey: 'sandbox-partner-key', customerToken: 'tok' }, sandboxLabel: 'Sandbox' });
    const response = await fetch(`${base}/config.json`);
    const config = (await response.json()) as ExplorerClientConfig;
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(config.graphqlPath).toBe('/graphql');
    expect(config.sandboxLabel).toBe('Sandbox');
    expect(config.tabs.map((t) => JSON.parse(t.headers))).toEqual([
      { authorization: 'Bearer tok' },
      { authorization: 'Bearer tok' },
      { 'x-api-key': 'sandbox-partner-key' },
    ]);
    expect(config.tabs.map((t) => t.query)).toEqual(examples.map((e) => e.query));
  });

  it('pre-fills nothing without demo credentials (real JD data)', async () => {
    const config = (await (await fetch(`${await serve()}/config.json`)).json()) as ExplorerClientConfig;
    expect(config.tabs.map((t) => t.headers)).toEqual(['{}', '{}', '{}']);
    expect(config.sandboxLabel).toBeUndefined();
  });

  it('serves built assets with nosniff and refuses anything outside them', async () => {
    const base = await serve();
    const asset = await fetch(`${base}/assets/explorer.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('/* explorer.js */');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets/..%2F..%2Fpackage.json`)).status).not.toBe(200);
  });

  it('answers 503 with the command to run when the assets are not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'explorer-empty-'));
    try {
      const response = await fetch(await serve({ distDir: empty }));
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build:explorer/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
