export { SignedIdentityDataSource, type SubgraphFetchObserver } from './signed-data-source';
export { createSubgraphFetcher } from './subgraph-fetcher';
