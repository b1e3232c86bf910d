import { SpanKind } from '@opentelemetry/api';
import { inSpan } from './spans';

/**
 * One Redis operation as a client span `redis <operation>`: what it was for (`jd-cache`, `apq`) and how
 * many keys it touched, never the keys themselves (a JD cache key holds the customer's pin).
 */
export function redisSpan<T>(purpose: string, operation: string, keys: number, work: () => Promise<T>): Promise<T> {
  return inSpan(
    `redis ${operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'redis', 'db.operation.name': operation, 'jd.redis.purpose': purpose, 'jd.redis.keys': keys },
    },
    () => work(),
  );
}
