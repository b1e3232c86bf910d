/** The explorer's HTML shell: everything it runs comes from `${base}/assets`; settings come from config.json. */
export function explorerPage(base: string, nonce: string, title: string): string {
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
<link rel="stylesheet" href="${b}/assets/explorer-styles.css">
<link rel="stylesheet" href="${b}/assets/explorer.css">
<script src="${b}/assets/nonce.js"></script>
<script src="${b}/assets/explorer.js" defer></script>
</head>
<body>
<div id="explorer"><noscript>The explorer needs JavaScript.</noscript></div>
</body>
</html>
`;
}

/** Escapes text for an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
