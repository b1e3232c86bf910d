/** A private JD read (orders, after-sales, cart) was asked for without a customer to scope it to. */
export class NoCustomerError extends Error {
  readonly code = 'NO_CUSTOMER';
  constructor(what: string) {
    super(`${what} is a customer's private data: the request carries no customer pin`);
    this.name = 'NoCustomerError';
  }
}

/** The request's customer asked for something that belongs to another customer. */
export class ForeignCustomerError extends Error {
  readonly code = 'FOREIGN_CUSTOMER';
  constructor(what: string) {
    super(`${what} belongs to another customer`);
    this.name = 'ForeignCustomerError';
  }
}

/** Turns anything thrown into an Error, so DataLoader rejects that key instead of resolving it. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
