/* global fetch */
// A plain JSON POST: Apollo's CSRF prevention accepts it (content-type application/json forces a
// preflight for cross-origin callers), and it needs no subscription transport in the bundle.
export function createFetcher(graphqlPath) {
  return async (params, options) => {
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(options?.headers ?? {}) },
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}` }] };
    }
  };
}
