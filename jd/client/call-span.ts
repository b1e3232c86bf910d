import { SpanKind, context, createContextKey, type Span } from '@opentelemetry/api';
import { inSpan } from '../../telemetry';
import { JdApiError } from './errors';

const BATCH_KEYS = createContextKey('jd.batch.keys');

/** Runs `call` with the number of keys its JD call carries, for the call's span (the loaders know it, the client does not). */
export function withBatchKeys<T>(keys: number, call: () => T): T {
  return context.with(context.active().setValue(BATCH_KEYS, keys), call);
}

/** What a JD call's span learns while the call runs. */
export interface CallSpan {
  /** Attempt number (1 for the first, 2 for the first retry, …) as it starts. */
  attempt(n: number): void;
}

/**
 * One JD call (all its attempts) as a client span `jd.call <method>`: the method, the keys in its batch,
 * its attempts and retries, and JD's error code when it fails. Never a parameter: those carry pins and ids.
 */
export function tracedJdCall<T>(method: string, run: (span: CallSpan) => Promise<T>): Promise<T> {
  const keys = context.active().getValue(BATCH_KEYS);
  const attributes = { 'jd.method': method, ...(typeof keys === 'number' ? { 'jd.batch.keys': keys } : {}) };
  return inSpan(`jd.call ${method}`, { kind: SpanKind.CLIENT, attributes }, async (span: Span) => {
    const seen: CallSpan = {
      attempt: (n) => {
        if (!span.isRecording()) return;
        span.setAttributes({ 'jd.attempts': n, 'jd.retries': n - 1 });
        if (n > 1) span.addEvent('retry', { 'jd.attempt': n });
      },
    };
    try {
      return await run(seen);
    } catch (error) {
      if (error instanceof JdApiError) span.setAttributes({ 'jd.error.code': error.code, 'jd.error.retryable': error.retryable });
      throw error;
    }
  });
}
