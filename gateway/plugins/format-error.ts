import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { OperationLimitError } from '../limits';

// Codes whose messages may describe internals (stack, hostnames, upstream text): always replaced.
const INTERNAL_CODES = new Set([undefined, 'INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

// Extensions that describe our internals, never the client's request. `response` is what Apollo
// Gateway attaches to a subgraph's HTTP error: the subgraph's URL, status and body.
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'response'];

/**
 * A last net for messages of coded errors: a stack frame, an absolute path, a host:port, a socket
 * error or an Error class name means the text came from inside, whatever its code says.
 */
const LEAKY = [
  /\bat .+:\d+:\d+/, // stack frame
  /(^|[\s"'(=])\/(home|usr|opt|srv|var|tmp|app|work|root|etc|proc)\//, // absolute path
  /\b(?:\d{1,3}\.){3}\d{1,3}(:\d+)?\b|\blocalhost:\d+|\[[0-9a-f:]+\]:\d+/i, // address
  /\b[a-z][a-z0-9+.-]*:\/\/[\w.-]+:\d+/i, // a URL with a port: an internal service
  /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|NOTFOUND|PIPE|HOSTUNREACH)\b/,
  /\b[A-Z][A-Za-z]*(?:Error|Exception):/, // TypeError: …, FetchError: …
  /node_modules/,
];
export const leaks = (text: string): boolean => LEAKY.some((pattern) => pattern.test(text));

/** Apollo Server's own uncoded refusals ("provided sha does not match query") carry a 4xx status: the client's mistake. */
const clientStatus = (error: unknown): boolean => {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

const MAX_LOGGED_MESSAGE = 500;
const truncate = (text: string) => (text.length > MAX_LOGGED_MESSAGE ? `${text.slice(0, MAX_LOGGED_MESSAGE)}…` : text);

export interface FormatErrorOptions {
  /** ERROR_DETAILS: pass errors through untouched (local debugging only). */
  details: boolean;
  log: Logger;
  /** The operation-limit refusal an error stands for (Apollo wraps it and overwrites its code). */
  refusalOf(error: unknown): OperationLimitError | undefined;
  onRefusal?(refusal: OperationLimitError): void;
}

/** What formatError kept of an internal error for the request that answers it (see internal-errors.ts). */
export interface InternalErrorRecord {
  code: string | undefined;
  message: string;
  path: GraphQLFormattedError['path'];
  subgraph: unknown;
}

// Keyed by the formatted error handed to Apollo Server, which puts that very object in the response.
const internalErrors = new WeakMap<GraphQLFormattedError, InternalErrorRecord>();

/**
 * How long an internal error waits for its request to claim it before it is logged without one: only an
 * error Apollo formats outside a request's pipeline (its context could not be built) is never claimed.
 */
const UNCLAIMED_LOG_DELAY_MS = 1000;

/** The record of an internal error in a response, once: the caller logs it and names the request. */
export function claimInternalError(formatted: GraphQLFormattedError): InternalErrorRecord | undefined {
  const record = internalErrors.get(formatted);
  internalErrors.delete(formatted);
  return record;
}

/**
 * Apollo Server's formatError for the gateway. Clients get what they need to fix their request and
 * nothing about our internals, in every mode: coded errors keep their code and extensions (limit,
 * actual, cost, subgraph…) minus internals; anything else becomes INTERNAL_SERVER_ERROR, and the
 * request that answers it adds its id and logs it once, structured and truncated (internal-errors.ts).
 * formatError is given no request, and finding it through AsyncLocalStorage turned on Node's promise
 * hooks for every promise of every request: about 3% of the gateway's CPU under load.
 */
export function createFormatError({ details, log, refusalOf, onRefusal }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const refusal = refusalOf(error);
    if (refusal) {
      onRefusal?.(refusal);
      const { http: _http, ...extensions } = refusal.extensions;
      return { message: refusal.message, extensions };
    }
    if (details) return formatted;
    const given = formatted.extensions?.code as string | undefined;
    // Apollo Server codes every uncoded error INTERNAL_SERVER_ERROR, its own 4xx refusals included.
    const code = INTERNAL_CODES.has(given) && clientStatus(error) ? 'BAD_REQUEST' : given;
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    // Any other extension whose value carries internals (an address, a path, a stack) goes too.
    const extensions = Object.fromEntries(
      Object.entries(formatted.extensions ?? {}).filter(
        ([key, value]) => !INTERNAL_EXTENSIONS.includes(key) && !leaks(JSON.stringify(value) ?? ''),
      ),
    );
    if (INTERNAL_CODES.has(code)) {
      const internal: GraphQLFormattedError = { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      const record = { code, message: truncate(formatted.message), path: formatted.path, subgraph: formatted.extensions?.serviceName };
      internalErrors.set(internal, record);
      setTimeout(() => {
        if (claimInternalError(internal)) log.error(record, 'internal error');
      }, UNCLAIMED_LOG_DELAY_MS).unref();
      return internal;
    }
    // A client error whose text still carries internals keeps its code but not its text.
    const message = leaks(formatted.message) ? `The request failed (${code})` : formatted.message;
    return { message, ...where, extensions: { ...extensions, code } };
  };
}
