import type { LimitName } from './operation-limit-error';

/** The operation limits; 0 turns one off. Read by gateway/config.ts from MAX_OPERATION_* and MAX_BATCH_OPERATIONS. */
export type OperationLimits = Record<LimitName, number>;

/**
 * Defaults: well above what the persisted mobile operations and explorer examples need (at most 117
 * tokens, depth 7, one root field, no alias, no directive; test/unit/gateway/operation-limits.test.ts
 * keeps them within), and far below what hurts: 20,000 aliases or a depth of 200 are refused outright.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  tokens: 2000,
  depth: 12,
  aliases: 30,
  rootFields: 20,
  directives: 30,
  // 1: HTTP batching (a JSON array of operations) is off.
  batchSize: 1,
};
