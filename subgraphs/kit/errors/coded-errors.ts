import { GraphQLError } from 'graphql';

/** Codes a client may see unmasked; everything else is an internal error in production. */
export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_REJECTED',
  // Apollo Server's own request-level codes: they describe the client's request, not our internals.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Something the caller asked for does not exist (or must not be revealed to exist). */
export class NotFoundError extends GraphQLError {
  constructor(message = 'Not found') {
    super(message, { extensions: { code: 'NOT_FOUND' } });
    this.name = 'NotFoundError';
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends GraphQLError {
  constructor(message = 'Forbidden') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
    this.name = 'ForbiddenError';
  }
}

/** The caller is unknown: missing or invalid signed identity, or anonymous where a customer is needed. */
export class AuthenticationError extends GraphQLError {
  constructor(message = 'Unauthenticated') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
    this.name = 'AuthenticationError';
  }
}

/** The caller's input is invalid; `field` names the offending input path when known. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string[]) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
    this.name = 'BadUserInputError';
  }
}

/** JD is unreachable for now (transient error, timeout, open breaker, rate limit): try again later. */
export class UpstreamUnavailableError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: 'UPSTREAM_UNAVAILABLE' } });
    this.name = 'UpstreamUnavailableError';
  }
}

/**
 * This app key's JD call budget has no slot for the call within the request's time: the field
 * fails at once (the rest of the answer still comes) instead of queueing past the deadline.
 */
export class JdBudgetExhaustedError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: 'JD_BUDGET_EXHAUSTED' } });
    this.name = 'JdBudgetExhaustedError';
  }
}

/** JD refused the call for a reason that retrying will not fix; carries JD's code and method. */
export class UpstreamRejectedError extends GraphQLError {
  constructor(message: string, jdCode: string, jdMethod: string) {
    super(message, { extensions: { code: 'UPSTREAM_REJECTED', jdCode, jdMethod } });
    this.name = 'UpstreamRejectedError';
  }
}
