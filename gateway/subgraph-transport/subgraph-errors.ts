import { GraphQLError } from 'graphql';

/** The stable codes of a subgraph the gateway could not get an answer from. */
export const SUBGRAPH_ERROR_CODES = { timeout: 'SUBGRAPH_TIMEOUT', unavailable: 'SUBGRAPH_UNAVAILABLE' } as const;

/**
 * The error a client sees for a subgraph that did not answer in time: its code and the subgraph's name,
 * never a host, a port or the transport's own text (those go to the log).
 */
export function subgraphTimeoutError(subgraph: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service did not answer in time; the rest of the answer is unaffected.`, {
    extensions: { code: SUBGRAPH_ERROR_CODES.timeout, subgraph },
  });
}

/** The error a client sees for a subgraph that is down, refused the connection, or answered with something that is not GraphQL. */
export function subgraphUnavailableError(subgraph: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable; the rest of the answer is unaffected.`, {
    extensions: { code: SUBGRAPH_ERROR_CODES.unavailable, subgraph },
  });
}
