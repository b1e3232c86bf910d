/* global Worker */
// Monaco runs its language services in web workers. They are bundled next to the page by
// scripts/build-explorer.ts, so nothing is fetched from a CDN (CSP: worker-src 'self').
export function installMonacoWorkers(assetsUrl) {
  const files = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
  globalThis.MonacoEnvironment = {
    getWorker(_workerId, label) {
      return new Worker(`${assetsUrl}/${files[label] ?? 'editor.worker.js'}`, { name: label });
    },
  };
}
