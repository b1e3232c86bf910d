import { GraphQLError } from 'graphql';

/** The verified caller, exactly the identity JSON of docs/identity-headers.md. */
export type Identity = { kind: 'anonymous' } | { kind: 'customer'; pin: string } | { kind: 'partner'; partnerId: string; scopes: string[] };

export const ANONYMOUS: Identity = Object.freeze({ kind: 'anonymous' });

/** A credential was sent but is not acceptable: never downgrade such a caller to anonymous. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
