import type { GraphQLFormattedError } from 'graphql';

// Codes whose messages may describe internals (stack, hostnames, upstream text): replaced in production.
const INTERNAL_CODES = new Set([undefined, 'INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/** Keeps every error's code; in production, uncoded/internal errors get a generic message and no extra extensions. */
export function createFormatError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (!production) return formatted;
    const { stacktrace: _s, exception: _e, serviceName: _n, ...extensions } = formatted.extensions ?? {};
    if (INTERNAL_CODES.has(code)) {
      return { message: 'Internal server error', path: formatted.path, extensions: { code: code ?? 'INTERNAL_SERVER_ERROR' } };
    }
    return { ...formatted, extensions: { ...extensions, code } };
  };
}
