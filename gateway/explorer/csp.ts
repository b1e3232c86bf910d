import { randomBytes } from 'node:crypto';

/** A fresh nonce per page: Monaco adds <style> elements at run time, and only nonced ones may apply. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Same-origin only: no CDN, no inline script, no eval, no framing. <style> elements need the page's nonce;
 * style="…" attributes are allowed because Monaco renders every editor line with them (they cannot run script,
 * and any url() in them is still limited by img-src/font-src). Monaco also draws its squiggles as data: SVGs built at
 * run time from the theme, so img-src admits data: (an image that is already in the page, never a request).
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    `style-src-elem 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The schema map's policy: the explorer's, except that GraphQL Voyager lays the graph out with Graphviz
 * compiled to WebAssembly in a worker it starts from a blob: URL holding its own bundled code. So the
 * page may compile WebAssembly ('wasm-unsafe-eval', which allows no JavaScript eval) and start blob:
 * workers; every script, style and request still comes from this origin only.
 */
export function schemaMapContentSecurityPolicy(nonce: string): string {
  return contentSecurityPolicy(nonce)
    .replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
    .replace("worker-src 'self'", "worker-src 'self' blob:");
}
