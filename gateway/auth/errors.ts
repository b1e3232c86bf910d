import { GraphQLError } from 'graphql';

/** A credential was sent but is not acceptable: never downgrade such a caller to anonymous. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
