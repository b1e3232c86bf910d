/* global fetch */
import { Kind, parse } from 'graphql';

// A plain JSON POST: Apollo's CSRF prevention accepts it (content-type application/json forces a
// preflight for cross-origin callers), and it needs no subscription transport in the bundle.
export function createFetcher(graphqlPath) {
  return async (params, options) => {
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options?.headers ?? {}),
      },
      body: JSON.stringify({ ...params, operationName: operationNameFor(params) }),
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

// Right after a tab switch GraphiQL can still hold the previous tab's operationName, and the server
// then refuses the document ("Unknown operation named …"). A one-operation document names itself.
export function operationNameFor({ query, operationName }) {
  try {
    const operations = parse(query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length === 1) return operations[0].name?.value ?? null;
  } catch {
    // Unparseable: let the server report the syntax error.
  }
  return operationName ?? null;
}
