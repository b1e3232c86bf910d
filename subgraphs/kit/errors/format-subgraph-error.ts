import type { GraphQLFormattedError } from 'graphql';
import { KNOWN_ERROR_CODES } from './coded-errors';

/**
 * Apollo Server `formatError`: in production anything without a known code becomes a bare
 * "Internal server error", so stack traces, SQL, JD payloads and such never reach a client.
 */
export function formatSubgraphError(
  formatted: GraphQLFormattedError,
  _error: unknown,
  { production }: { production: boolean },
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (!production || (typeof code === 'string' && KNOWN_ERROR_CODES.has(code))) return formatted;
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
