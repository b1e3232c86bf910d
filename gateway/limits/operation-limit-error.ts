import { GraphQLError } from 'graphql';

export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';

/** What an operation limit measures; also the name clients see in `extensions.limitName`. */
export type LimitName = 'tokens' | 'depth' | 'aliases' | 'rootFields' | 'directives' | 'batchSize';

const subject = (limitName: LimitName) => (limitName === 'batchSize' ? 'batch' : 'operation');
const UNIT: Record<LimitName, string> = {
  tokens: 'tokens',
  depth: 'levels of nested fields',
  aliases: 'aliases',
  rootFields: 'root fields',
  directives: 'directives',
  batchSize: 'operations',
};

/**
 * An operation over one of the operation limits: HTTP 400, a stable code, and what was allowed
 * (`limit`) against what was sent (`actual`), so a client can fix its operation without guessing.
 */
export class OperationLimitError extends GraphQLError {
  constructor(
    readonly limitName: LimitName,
    readonly limit: number,
    /** Undefined only when the count is unknown (the parser stopped at the limit). */
    readonly actual: number | undefined,
    /** When counting stopped early: the operation has at least this many. */
    readonly actualAtLeast?: number,
  ) {
    const count = actual ?? (actualAtLeast === undefined ? 'more' : `at least ${actualAtLeast}`);
    super(`The ${subject(limitName)} has ${count} ${UNIT[limitName]}, more than the limit of ${limit}`, {
      extensions: {
        code: OPERATION_LIMIT_EXCEEDED,
        limitName,
        limit,
        ...(actual === undefined ? {} : { actual }),
        ...(actual === undefined && actualAtLeast !== undefined ? { actualAtLeast } : {}),
        http: { status: 400 },
      },
    });
    this.name = 'OperationLimitError';
  }
}
