import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationLimitError } from './operation-limit-error';

// graphql-js's own message when parse() stops at `maxTokens` (16.x spells it "more that").
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[tn] \d+ tokens/;

/**
 * Lexing is most of what parsing a huge document costs (about 150 ms for 1 MB), so a refusal counts
 * at most this many times the limit; beyond that it reports only that there were more.
 */
const COUNT_UP_TO = 10;

/** The tokens of `source`, counted up to `cap`; undefined when it does not even lex that far. Only run on a refused operation. */
function countTokens(source: string, cap: number): { count: number; complete: boolean } | undefined {
  try {
    const lexer = new Lexer(new Source(source));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) if (++count >= cap) return { count, complete: false };
    return { count, complete: true };
  } catch {
    return undefined;
  }
}

/**
 * The token limit is graphql-js's parser option `maxTokens` (Apollo Server's `parseOptions`): the
 * parser stops at the limit, so a 1 MB document costs no more to refuse than one just over it, and it
 * holds for every way an operation arrives (POST, GET, APQ and persisted). This turns the parser's
 * syntax error into the limit refusal, counting the tokens for `extensions.actual` only then
 * (or `extensions.actualAtLeast` for a document over ten times the limit).
 */
export function tokenLimit(limit: number) {
  const counted = new WeakMap<Error, { count: number; complete: boolean } | undefined>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error && TOO_MANY_TOKENS.test(error.message) && source !== undefined)
              counted.set(error, countTokens(source, limit * COUNT_UP_TO + 1));
          };
        },
      };
    },
  };
  /** The refusal `error` (Apollo's wrapper of the parser's error) stands for, if it is one. */
  const refusalOf = (error: unknown): OperationLimitError | undefined => {
    const parserError = error instanceof GraphQLError ? error.originalError : undefined;
    if (!parserError || !counted.has(parserError)) return undefined;
    const tokens = counted.get(parserError);
    return new OperationLimitError(
      'tokens',
      limit,
      tokens?.complete ? tokens.count : undefined,
      tokens?.complete ? undefined : tokens?.count,
    );
  };
  return { parseOptions: { maxTokens: limit }, plugin, refusalOf };
}
