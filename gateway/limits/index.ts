/** Operation limits checked before the gateway plans anything: tokens, depth, aliases, root fields, directives, batch size. */
export { OperationLimitError } from './operation-limit-error';
export { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './operation-limits';
export { operationLimitRules } from './limit-rules';
export { tokenLimit } from './token-limit';
export { batchLimit } from './batch-limit';
