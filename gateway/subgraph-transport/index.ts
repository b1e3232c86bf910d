export { SignedIdentityDataSource } from './signed-data-source';
export { createSubgraphFetcher } from './subgraph-fetcher';
export { InflightSharing } from './inflight-sharing';
export { SubgraphBreaker, type SubgraphBreakerState } from './subgraph-breaker';
