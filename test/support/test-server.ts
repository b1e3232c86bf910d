import type { GraphQLSchema } from 'graphql';
import {
  baseContextFrom,
  createSubgraphApolloServer,
  signIdentity,
  verifyIdentity,
  type BaseContext,
  type Identity,
} from '../../subgraphs/kit';

/** Options of createTestServer. */
export interface TestServerOptions<C extends BaseContext> {
  createContext(base: BaseContext): C | Promise<C>;
  production?: boolean;
  /** Defaults to a test-only secret; the identity is signed and verified exactly as over HTTP. */
  signingSecret?: string;
}

/** What execute() answers. */
export interface TestResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  /** The Cache-Control header the subgraph would send. */
  cacheControl?: string;
}

/** In-process subgraph for integration tests: executeOperation with the context startSubgraph would build. */
export function createTestServer<C extends BaseContext>(schema: GraphQLSchema, opts: TestServerOptions<C>) {
  const secret = opts.signingSecret ?? 'test-only-subgraph-signing-secret';
  const server = createSubgraphApolloServer<C>({ schema, production: opts.production ?? false });
  return {
    server,
    async execute<TData = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      identity: Identity = { kind: 'anonymous' },
      headers: Record<string, string> = {},
    ): Promise<TestResult<TData>> {
      // Signed for the body an HTTP request would carry, and verified as the subgraph would.
      const request = { subgraph: 'in-process', body: JSON.stringify({ query, variables }) };
      const signed = { ...headers, ...signIdentity(identity, secret, request) };
      const contextValue = await opts.createContext(baseContextFrom(verifyIdentity(signed, secret, request), signed));
      const response = await server.executeOperation<TData>({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by subgraphs');
      const { data, errors } = response.body.singleResult;
      return { data, errors: errors as TestResult['errors'], cacheControl: response.http.headers.get('cache-control') };
    },
    stop: () => server.stop(),
  };
}
