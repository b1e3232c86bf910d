export { SignedIdentityDataSource } from './signed-data-source';
export { createSubgraphFetcher } from './subgraph-fetcher';
