/** What one of the explorer's pages loads from `${base}/assets`, and what its body holds. */
interface AssetPage {
  base: string;
  nonce: string;
  title: string;
  /** Stylesheets under assets/, in order. */
  styles: string[];
  /** Scripts under assets/, run deferred in order after nonce.js. */
  scripts: string[];
  /** The body's HTML, with `${base}` already escaped by the caller. */
  body(escapedBase: string): string;
}

/** The HTML shell the explorer's pages share: everything they run comes from `${base}/assets`, under the page's CSP nonce. */
function assetPage(page: AssetPage): string {
  const b = escapeHtml(page.base);
  const styles = page.styles.map((file) => `<link rel="stylesheet" href="${b}/assets/${file}">\n`).join('');
  const scripts = page.scripts.map((file) => `<script src="${b}/assets/${file}" defer></script>\n`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="explorer-base" content="${b}">
<meta name="csp-nonce" content="${escapeHtml(page.nonce)}">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="${b}/assets/favicon.svg" type="image/svg+xml">
${styles}<script src="${b}/assets/nonce.js"></script>
${scripts}</head>
<body>
${page.body(b)}
</body>
</html>
`;
}

/** The explorer's HTML shell; its settings come from config.json. */
export function explorerPage(base: string, nonce: string, title: string): string {
  return assetPage({
    base,
    nonce,
    title,
    styles: ['explorer-styles.css', 'explorer.css'],
    scripts: ['explorer.js'],
    body: () => '<div id="explorer"><noscript>The explorer needs JavaScript.</noscript></div>',
  });
}

/** The schema map's HTML shell: GraphQL Voyager and its starter. */
export function schemaMapPage(base: string, nonce: string, title: string): string {
  return assetPage({
    base,
    nonce,
    title,
    styles: ['voyager.css', 'schema-map-styles.css'],
    scripts: ['voyager.js', 'schema-map.js'],
    body: (b) =>
      `<nav class="jd-map-nav"><strong>${escapeHtml(title)}</strong> · how orders, after-sales services, exchange quotes and support offices connect · <a href="${b}">open the explorer</a></nav>
<div id="schema-map"><noscript>The schema map needs JavaScript.</noscript></div>`,
  });
}

/** Escapes text for an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
