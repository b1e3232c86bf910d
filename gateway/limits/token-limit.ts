import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationLimitError } from './operation-limit-error';

// graphql-js's own message when parse() stops at `maxTokens` (16.x spells it "more that").
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[tn] \d+ tokens/;

/** Every token of `source`, or undefined when it does not even lex. Only run on a refused operation. */
function countTokens(source: string): number | undefined {
  try {
    const lexer = new Lexer(new Source(source));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) count++;
    return count;
  } catch {
    return undefined;
  }
}

/**
 * The token limit is graphql-js's parser option `maxTokens` (Apollo Server's `parseOptions`): the
 * parser stops at the limit, so a 1 MB document costs no more to refuse than one just over it, and it
 * holds for every way an operation arrives (POST, GET, APQ and persisted). This turns the parser's
 * syntax error into the limit refusal, counting the tokens for `extensions.actual` only then.
 */
export function tokenLimit(limit: number) {
  const counted = new WeakMap<Error, number | undefined>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error && TOO_MANY_TOKENS.test(error.message) && source !== undefined) counted.set(error, countTokens(source));
          };
        },
      };
    },
  };
  /** The refusal `error` (Apollo's wrapper of the parser's error) stands for, if it is one. */
  const refusalOf = (error: unknown): OperationLimitError | undefined => {
    const parserError = error instanceof GraphQLError ? error.originalError : undefined;
    if (!parserError || !counted.has(parserError)) return undefined;
    return new OperationLimitError('tokens', limit, counted.get(parserError));
  };
  return { parseOptions: { maxTokens: limit }, plugin, refusalOf };
}
