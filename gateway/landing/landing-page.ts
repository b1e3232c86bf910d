import { createHash } from 'node:crypto';
import { escapeHtml } from '../explorer';

export interface LandingPageOptions {
  /** Shown as a banner: responses are simulated JD data. */
  sandbox: boolean;
  /** Link to the self-hosted explorer, when it is enabled. */
  explorerPath?: string;
  graphqlPath: string;
  /** Apollo's embedded Sandbox is served at graphqlPath for browsers. */
  apolloSandbox: boolean;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2328}' +
  '.sandbox{background:#fff4ce;border:1px solid #e5c07b;padding:.5rem .75rem;border-radius:6px}' +
  'code{background:#f3f4f6;padding:0 .25rem;border-radius:4px}a.primary{font-size:1.25rem;font-weight:600}';

/** The page's CSP: nothing may load from anywhere, only the one inline style (by hash) runs. */
export const LANDING_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** GET / : a self-contained page (no script, no external asset) that points browsers at the explorer. */
export function landingPage(o: LandingPageOptions): string {
  const gql = escapeHtml(o.graphqlPath);
  const explorer = o.explorerPath
    ? `<p><a class="primary" href="${escapeHtml(o.explorerPath)}">Open the explorer</a> — GraphiQL served by this gateway, with example operations${o.sandbox ? ' and demo credentials' : ''}.</p>
<p><a href="${escapeHtml(o.explorerPath)}/map">Open the schema map</a> — how orders, after-sales services, exchange quotes and support offices connect (GraphQL Voyager).</p>`
    : '<p>The explorer is off on this gateway (set <code>EXPLORER=true</code> to turn it on).</p>';
  const apollo = o.apolloSandbox ? `<p><a href="${gql}">Apollo Sandbox</a> (loads from Apollo's CDN; needs internet access).</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>JD Support Graph</title>
<style>${STYLE}</style>
</head>
<body>
<h1>JD Support Graph</h1>
${o.sandbox ? '<p class="sandbox"><strong>Sandbox:</strong> every response is simulated JD data (header <code>x-jd-sandbox: simulated</code>).</p>' : ''}
${explorer}
${apollo}
<ul>
<li>GraphQL: <code>POST ${gql}</code> (and <code>GET</code> for persisted queries)</li>
<li>Health: <a href="/health/live">/health/live</a>, <a href="/health/ready">/health/ready</a></li>
</ul>
</body>
</html>
`;
}
