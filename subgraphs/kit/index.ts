// The subgraph kit: everything the four subgraphs share. Import from here, not from the files.
export * from './identity/identity';
export { signIdentity } from './identity/sign-identity';
export { verifyIdentity } from './identity/verify-identity';
export { type BaseContext, requireCustomer, languageFromHeader, baseContextFrom } from './context';
export * from './errors/coded-errors';
export { translateJdError } from './errors/translate-jd-error';
export { formatSubgraphError } from './errors/format-subgraph-error';
export { DateTimeScalar, shanghaiToIso, isIsoDateTime } from './types/date-time';
export { Money, money, parseFen, formatFen } from './types/money';
export { UserError, userError } from './types/user-error';
export { ENTITY_DESCRIPTIONS, partialResultNote } from './federation/entity-descriptions';
export { cost, listSize, JD_CALL_WEIGHT, JD_BATCHED_WEIGHT } from './federation/demand-control';
export { applicationTextProblems } from './input/application-input';
export { buildSubgraph, federationLink, type SubgraphDefinition } from './build/build-subgraph';
export {
  startSubgraph,
  serverSettings,
  type StartSubgraphOptions,
  type SubgraphServerSettings,
  type RunningSubgraph,
} from './serve/start-subgraph';
export { createSubgraphApolloServer } from './serve/create-apollo-server';
export { MAX_REQUEST_BUDGET_MS } from './serve/request-deadline';
export { loadSubgraphEnv, readSubgraphEnv, type SubgraphEnv } from './config/load-subgraph-env';
export { runSubgraphEntry } from './serve/run-entry';
export { jdReachable } from './jd/jd-reachable';
export { createJdRuntime, type JdRuntime, type JdRuntimeOptions } from './jd/jd-runtime';
export { JdSource, ORDER_NOT_FOUND, type LoadersFactory, type WriteOutcome } from './jd/jd-source';
