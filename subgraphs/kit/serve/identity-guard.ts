import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { GraphQLError } from 'graphql';
import { checkIdentityHeaders, verifyIdentity, type SignatureWindow } from '../identity/verify-identity';

/** What the guard needs to know: who this subgraph is and the signing settings. */
export interface IdentityGuardSettings extends Omit<SignatureWindow, 'now'> {
  /** This subgraph's name in the supergraph: a signature made for another subgraph is refused. */
  subgraph: string;
  signingSecret: string;
  /** Largest JSON body accepted. */
  bodyLimit?: string;
}

// The body bytes as they arrived, for the digest the signature covers (the parsed JSON cannot give them back).
const rawBodies = new WeakMap<IncomingMessage, Buffer>();

function refuse(res: Response, error: unknown): void {
  const message = error instanceof GraphQLError ? error.message : 'Unauthenticated';
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * Express middlewares in front of /graphql, in order:
 * 1. the header checks that need no body (present, well formed, inside the time window), so an
 *    unsigned or stale request is answered 401 UNAUTHENTICATED before its body is read;
 * 2. only POST, 405 otherwise (the gateway sends nothing else, and a signature covers a body: the
 *    query of a GET would be outside it);
 * 3. the JSON body parser, keeping the raw bytes;
 * 4. the signature itself, over this subgraph's name and the digest of those bytes.
 */
export function identityGuard(settings: IdentityGuardSettings): RequestHandler[] {
  const window = { maxAgeMs: settings.maxAgeMs, clockSkewMs: settings.clockSkewMs };
  return [
    (req: Request, res: Response, next: NextFunction): void => {
      try {
        checkIdentityHeaders(req.headers, window);
      } catch (error) {
        refuse(res, error);
        return;
      }
      if (req.method !== 'POST') {
        res
          .status(405)
          .set('allow', 'POST')
          .json({ errors: [{ message: 'Only POST is served', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
        return;
      }
      next();
    },
    express.json({ limit: settings.bodyLimit ?? '1mb', verify: (req, _res, buf) => void rawBodies.set(req, buf) }),
    (req: Request, res: Response, next: NextFunction): void => {
      try {
        const body = rawBodies.get(req) ?? Buffer.alloc(0);
        res.locals.identity = verifyIdentity(req.headers, settings.signingSecret, { subgraph: settings.subgraph, body }, window);
      } catch (error) {
        refuse(res, error);
        return;
      }
      next();
    },
  ];
}
