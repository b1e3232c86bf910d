/**
 * Apollo Server's cache-control plugin reads @cacheControl from the schema's AST, so every subgraph
 * declares it; the subgraph then answers with a Cache-Control header the gateway folds into its policy.
 */
export const CACHE_CONTROL_SDL = `
enum CacheControlScope {
  PUBLIC
  PRIVATE
}

directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;
