import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Response, type Router } from 'express';
import { contentSecurityPolicy, newNonce, schemaMapContentSecurityPolicy } from './csp';
import type { ExampleOperation } from './examples';
import { explorerPage, schemaMapPage } from './page';
import { EXPLORER_ASSETS, explorerDistDir } from './paths';
import { explorerClientConfig, type DemoCredentials } from './tabs';

export interface ExplorerOptions {
  /** Where GraphiQL posts operations, on the same origin (e.g. '/graphql'). */
  graphqlPath: string;
  /** The tabs the page opens with (loadExamples()). */
  examples: ExampleOperation[];
  /** Sandbox only: pre-filled `x-api-key` and customer bearer token. Leave unset with real JD credentials. */
  demoCredentials?: DemoCredentials;
  /** A banner above the IDE, e.g. "Sandbox: simulated JD data". */
  sandboxLabel?: string;
  /** Built assets (scripts/build-explorer.ts); defaults to gateway/explorer/dist. */
  distDir?: string;
}

const NOT_BUILT = "The explorer's assets are not built. Run `npm run build:explorer` (or `npm run build`) and reload.\n";

/** The self-hosted GraphiQL explorer; mount it with `app.use('/explorer', createExplorerRouter(...))`. */
export function createExplorerRouter(options: ExplorerOptions): Router {
  const distDir = options.distDir ?? explorerDistDir();
  const assetsDir = join(distDir, 'assets');
  const config = JSON.stringify(explorerClientConfig(options.graphqlPath, options.examples, options.demoCredentials, options.sandboxLabel));
  const built = () => EXPLORER_ASSETS.every((a) => existsSync(join(assetsDir, a)));
  const router = express.Router();

  router.use((_req, res, next) => {
    secure(res);
    next();
  });
  router.get('/', (req, res) => {
    if (!built()) return void res.status(503).type('text/plain').send(NOT_BUILT);
    const nonce = newNonce();
    res.setHeader('content-security-policy', contentSecurityPolicy(nonce));
    res.setHeader('cache-control', 'no-store');
    res
      .type('html')
      .send(explorerPage(req.baseUrl, nonce, options.sandboxLabel ? 'JD Support Graph explorer (sandbox)' : 'JD Support Graph explorer'));
  });
  // The schema map (GraphQL Voyager) of the same public schema, next to the explorer and under the same switch.
  router.get('/map', (req, res) => {
    if (!built()) return void res.status(503).type('text/plain').send(NOT_BUILT);
    const nonce = newNonce();
    res.setHeader('content-security-policy', schemaMapContentSecurityPolicy(nonce));
    res.setHeader('cache-control', 'no-store');
    res
      .type('html')
      .send(
        schemaMapPage(req.baseUrl, nonce, options.sandboxLabel ? 'JD Support Graph schema map (sandbox)' : 'JD Support Graph schema map'),
      );
  });
  // Holds the demo token in sandbox mode: never cached.
  router.get('/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.type('json').send(config);
  });
  router.use('/assets', express.static(assetsDir, { fallthrough: false, index: false, maxAge: '5m', dotfiles: 'ignore' }));
  return router;
}

function secure(res: Response): void {
  res.setHeader('content-security-policy', contentSecurityPolicy());
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}
