import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Files the page references; a build missing any of them is incomplete. */
export const EXPLORER_ASSETS = [
  'explorer.js',
  'explorer.css',
  'explorer-styles.css',
  'nonce.js',
  'editor.worker.js',
  'json.worker.js',
  'graphql.worker.js',
  'favicon.svg',
  'voyager.js',
  'voyager.css',
  'schema-map.js',
  'schema-map-styles.css',
];

let root: string | undefined;

/** The checkout's root (the folder with package.json), found from this file so it works from source and from dist/. */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return (root = dir);
}

/** Where scripts/build-explorer.ts writes the bundled page. */
export function explorerDistDir(): string {
  return join(projectRoot(), 'gateway', 'explorer', 'dist');
}
