import { handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { isTransientUpstreamFailure } from '../errors';
import { jdBackoff, type BackoffOptions } from './backoff';

/**
 * cockatiel retry that repeats only transient upstream failures (JD's retryable codes, 5xx, network,
 * timeout), at most `maxRetries` times after the first attempt, with jittered backoff between them.
 * Local refusals (circuit open, rate limited) and definite answers end it at once.
 */
export function transientRetry(maxRetries: number, backoff: BackoffOptions): RetryPolicy {
  return retry(handleWhen(isTransientUpstreamFailure), { maxAttempts: maxRetries, backoff: jdBackoff(backoff) });
}
