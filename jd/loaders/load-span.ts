import type { Span } from '@opentelemetry/api';
import { inSpan } from '../../telemetry';

/** What a batch of loads found in the cache, for its span. */
export interface LoadCounts {
  /** Distinct keys the batch asked for. */
  keys: number;
  hits: number;
  misses: number;
  /** Misses that joined a JD call already on its way instead of making one. */
  joined: number;
  /** JD calls this batch made (misses in chunks of at most the method's batch size). */
  calls: number;
}

/**
 * One DataLoader batch of a JD method as a span `jd.load <method>`: the keys asked, cache hits and
 * misses, in-flight joins and JD calls made; the `jd.call` spans of those calls are its children.
 * Counts only, never a key: keys carry customers' pins and order ids.
 */
export function tracedLoad<T>(method: string, fresh: boolean, run: (record: (counts: LoadCounts) => void) => Promise<T>): Promise<T> {
  return inSpan(`jd.load ${method}`, { attributes: { 'jd.method': method, 'jd.cache.bypassed': fresh } }, (span: Span) =>
    run((counts) => {
      if (!span.isRecording()) return;
      span.setAttributes({
        'jd.keys': counts.keys,
        'jd.cache.hits': counts.hits,
        'jd.cache.misses': counts.misses,
        'jd.inflight.joined': counts.joined,
        'jd.calls': counts.calls,
      });
    }),
  );
}
