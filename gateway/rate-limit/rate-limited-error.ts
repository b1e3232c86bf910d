import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

const RATE_LIMITED = 'RATE_LIMITED';

/** HTTP 429 with Retry-After; Apollo Server turns `extensions.http` into the status and headers. */
export function rateLimitedError(caller: string, retryAfterSeconds: number, limitPerMinute: number): GraphQLError {
  return new GraphQLError(
    `Rate limit of ${limitPerMinute} requests per minute per ${caller} exceeded; retry after ${retryAfterSeconds} s`,
    {
      extensions: {
        code: RATE_LIMITED,
        retryAfterSeconds,
        limitPerMinute,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}
