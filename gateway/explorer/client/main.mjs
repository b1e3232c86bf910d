/* global document, fetch */
// The explorer page: reads its settings from config.json (no inline script is allowed by the CSP),
// then renders GraphiQL with one tab per example operation.
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { installMonacoWorkers } from './workers.mjs';
import { createFetcher } from './fetcher.mjs';
import { namespacedStorage } from './storage.mjs';

const base = document.querySelector('meta[name="explorer-base"]')?.getAttribute('content') ?? '';
installMonacoWorkers(`${base}/assets`);

function Banner({ label }) {
  return h('div', { className: 'jd-explorer-banner', role: 'status' }, label);
}

function Explorer({ config }) {
  const graphiql = h(GraphiQL, {
    fetcher: createFetcher(config.graphqlPath),
    defaultTabs: config.tabs,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
    storage: namespacedStorage(config.storageNamespace),
  });
  return h(
    'div',
    { className: 'jd-explorer' },
    h(
      'nav',
      { className: 'jd-explorer-links' },
      config.sandboxLabel ? h(Banner, { label: config.sandboxLabel }) : null,
      h('a', { className: 'jd-explorer-map-link', href: `${base}/map` }, 'Schema map: how orders, services, quotes and offices connect'),
    ),
    h('div', { className: 'jd-explorer-ide' }, graphiql),
  );
}

async function main() {
  const root = createRoot(document.getElementById('explorer'));
  try {
    const response = await fetch(`${base}/config.json`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`config.json answered HTTP ${response.status}`);
    const config = await response.json();
    root.render(h(StrictMode, null, h(Explorer, { config })));
  } catch (err) {
    root.render(h('p', { className: 'jd-explorer-error' }, `The explorer could not start: ${err.message}`));
  }
}

main();
