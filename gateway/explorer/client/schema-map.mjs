/* global document, fetch, GraphQLVoyager */
// The schema map page: asks the gateway for its public schema (the same introspection GraphiQL
// uses, same origin) and draws it with GraphQL Voyager (bundled from npm, no CDN).
const base = document.querySelector('meta[name="explorer-base"]')?.getAttribute('content') ?? '';
const target = document.getElementById('schema-map');

async function main() {
  try {
    const config = await (await fetch(`${base}/config.json`, { credentials: 'same-origin' })).json();
    const response = await fetch(config.graphqlPath, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GraphQLVoyager.voyagerIntrospectionQuery }),
    });
    const introspection = await response.json();
    if (!introspection.data) throw new Error(introspection.errors?.[0]?.message ?? `HTTP ${response.status}`);
    GraphQLVoyager.renderVoyager(target, {
      introspection,
      allowToChangeSchema: false,
      hideVoyagerLogo: true,
      displayOptions: { rootType: 'Query', showLeafFields: true, sortByAlphabet: false, skipDeprecated: true },
    });
  } catch (err) {
    target.textContent = `The schema map could not start: ${err.message}`;
  }
}

main();
