/** Reads router parameters from the query string and an x-www-form-urlencoded body, merged. */

/** Query first, then the form body; a name in both keeps the body's value (the signed one is the same). */
export function mergeParams(url: URL, contentType: string | undefined, body: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  if (body && (contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  }
  return params;
}
