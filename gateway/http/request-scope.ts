import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

const scope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Makes the request id visible to code that Apollo Server calls without a context (formatError),
 * so an internal error can name the request it belongs to. Mounted right before Apollo's
 * middleware: body parsing runs on stream callbacks, which would lose the scope.
 */
export function requestScope(_req: Request, res: Response, next: NextFunction): void {
  scope.run({ requestId: String(res.locals.requestId) }, next);
}

/** The id of the request being handled, if any. */
export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;
