/**
 * Hive Gateway's configuration for the peers bench (loaded by its CLI: `hive-gateway supergraph … -c
 * bench/peers/hive.config.ts`, transpiled by Hive's own importer). It gives the peer our identity
 * contract: the customer JWT verified on every request with the same settings and library (jose) as
 * our gateway, and every subgraph fetch signed by identity-contract.ts. Settings come from the bench
 * in PEERS_HIVE_SETTINGS (JSON), so this file holds no secret and no port.
 * Nothing here imports Hive's packages: the project type-checks without bench/peers/node_modules.
 */
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { jwtVerify } from 'jose';
import { ANONYMOUS_IDENTITY, identityKeyHeaders, signedIdentityHeaders, type PeerIdentity } from './identity-contract';

export interface HivePeerSettings {
  /** Subgraph name → URL of the running subgraph (the committed supergraph names other ports). */
  subgraphUrls: Record<string, string>;
  signingSecret: string;
  jwt: { issuer: string; audience: string; hs256Secret: string };
  /** The persisted-operation manifest: Hive has no APQ registration, it serves hashes from a store. */
  manifestPath: string;
}

interface ManifestOperation {
  id: string;
  body: string;
}

// The slice of Hive Gateway's plugin hooks used here (its types live in the optional peers install).
interface ContextBuildingPayload {
  context: { request: Request };
  extendContext(extension: { jdIdentity: PeerIdentity }): void;
}
interface ExecutionRequest {
  context?: { jdIdentity?: PeerIdentity };
  extensions?: Record<string, unknown> & { headers?: Record<string, string> };
}
interface SubgraphExecutePayload {
  executionRequest: ExecutionRequest;
  setExecutionRequest(request: ExecutionRequest): void;
}
interface FetchPayload {
  url: string;
  options: { body?: unknown; headers?: Record<string, string> };
  setOptions(options: FetchPayload['options']): void;
  context?: { jdIdentity?: PeerIdentity };
}

const settings = JSON.parse(process.env.PEERS_HIVE_SETTINGS ?? 'null') as HivePeerSettings | null;
if (!settings) throw new Error('PEERS_HIVE_SETTINGS is not set: start this peer through `npm run bench -- peers`');
const { subgraphUrls, signingSecret, jwt } = settings;

const subgraphByUrl = new Map(Object.entries(subgraphUrls).map(([name, url]) => [url, name]));
const jwtKey = new TextEncoder().encode(jwt.hs256Secret);
const persisted = new Map(
  (JSON.parse(readFileSync(settings.manifestPath, 'utf8')) as { operations: ManifestOperation[] }).operations.map((op) => [op.id, op.body]),
);

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Customer bearer token → customer; no Authorization header → anonymous; anything else is refused. */
async function identityOf(request: Request): Promise<PeerIdentity> {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return ANONYMOUS_IDENTITY;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  try {
    const { payload } = await jwtVerify(match[1], jwtKey, {
      issuer: jwt.issuer,
      audience: jwt.audience,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw unauthenticated('The bearer token has no usable subject');
    return { kind: 'customer', pin: payload.sub };
  } catch (err) {
    throw err instanceof GraphQLError ? err : unauthenticated('The bearer token is invalid');
  }
}

const identityPlugin = {
  async onContextBuilding({ context, extendContext }: ContextBuildingPayload): Promise<void> {
    extendContext({ jdIdentity: await identityOf(context.request) });
  },
  // Hive shares identical in-flight subgraph requests, keyed on URL, body and the request's own headers
  // (extensions.headers, as its usePropagateHeaders sets them). Putting the caller's identity there keeps
  // one customer's fetch from answering another's; the timestamped signature is only added in onFetch.
  onSubgraphExecute({ executionRequest, setExecutionRequest }: SubgraphExecutePayload): void {
    const identity = executionRequest.context?.jdIdentity ?? ANONYMOUS_IDENTITY;
    const extensions = executionRequest.extensions ?? {};
    setExecutionRequest({
      ...executionRequest,
      extensions: { ...extensions, headers: { ...extensions.headers, ...identityKeyHeaders(identity) } },
    });
  },
  onFetch({ url, options, setOptions, context }: FetchPayload): void {
    const subgraph = subgraphByUrl.get(url);
    if (subgraph === undefined) return; // not a subgraph fetch
    const body = typeof options.body === 'string' ? options.body : '';
    const identity = context?.jdIdentity ?? ANONYMOUS_IDENTITY;
    setOptions({ ...options, headers: { ...options.headers, ...signedIdentityHeaders(signingSecret, { identity, subgraph, body }) } });
  },
};

export const gatewayConfig = {
  logging: false,
  transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
  persistedDocuments: {
    getPersistedOperation: (id: string) => persisted.get(id) ?? null,
    allowArbitraryDocuments: true,
  },
  plugins: () => [identityPlugin],
};
