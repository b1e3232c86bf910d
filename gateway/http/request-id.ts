import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a sane client x-request-id (else makes one), echoes it, and stores it for logs and subgraphs. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const sent = req.header('x-request-id');
  const id = sent !== undefined && ACCEPTABLE.test(sent) ? sent : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
}
