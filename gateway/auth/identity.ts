/** The verified caller, exactly the identity JSON of docs/identity-headers.md. */
export type Identity =
  | { kind: 'anonymous' }
  | { kind: 'customer'; pin: string }
  | { kind: 'partner'; partnerId: string; scopes: string[] };

export const ANONYMOUS: Identity = Object.freeze({ kind: 'anonymous' });
