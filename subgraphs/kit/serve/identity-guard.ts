import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { verifyIdentity } from '../identity/verify-identity';

/**
 * Express middleware in front of /graphql: a request without a valid gateway signature is
 * answered 401 with a GraphQL UNAUTHENTICATED error before its body is even parsed.
 */
export function identityGuard(signingSecret: string, maxAgeMs?: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    try {
      res.locals.identity = verifyIdentity(req.headers, signingSecret, { maxAgeMs });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'Unauthenticated';
      res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    next();
  };
}
