import { escapeHtml } from './page';

/** The schema map's HTML shell: GraphQL Voyager and its starter, all from `${base}/assets`. */
export function schemaMapPage(base: string, nonce: string, title: string): string {
  const b = escapeHtml(base);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="explorer-base" content="${b}">
<meta name="csp-nonce" content="${escapeHtml(nonce)}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${b}/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${b}/assets/voyager.css">
<link rel="stylesheet" href="${b}/assets/schema-map-styles.css">
<script src="${b}/assets/nonce.js"></script>
<script src="${b}/assets/voyager.js" defer></script>
<script src="${b}/assets/schema-map.js" defer></script>
</head>
<body>
<nav class="jd-map-nav"><strong>${escapeHtml(title)}</strong> · how orders, after-sales services, exchange quotes and support offices connect · <a href="${b}">open the explorer</a></nav>
<div id="schema-map"><noscript>The schema map needs JavaScript.</noscript></div>
</body>
</html>
`;
}
