import type { GraphQLRequestContext } from '@apollo/server';

type CachePolicy = GraphQLRequestContext<object>['overallCachePolicy'];
type CacheHint = Parameters<CachePolicy['restrict']>[0];

/**
 * A cache policy of its own for an operation run on behalf of several requests: the subgraphs'
 * cache-control headers restrict it while the plan runs, and each request then restricts its own
 * policy by it, exactly as if its own fetches had. Same rules as Apollo Server's: the lowest maxAge
 * wins, and PRIVATE, once said, stays.
 */
export function flightCachePolicy(): CachePolicy {
  return {
    maxAge: undefined,
    scope: undefined,
    restrict(hint: CacheHint) {
      if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
      if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
    },
    replace(hint: CacheHint) {
      if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
      if (hint.scope !== undefined) this.scope = hint.scope;
    },
    policyIfCacheable() {
      if (this.maxAge === undefined || this.maxAge === 0) return null;
      return { maxAge: this.maxAge, scope: this.scope ?? 'PUBLIC' };
    },
  };
}
