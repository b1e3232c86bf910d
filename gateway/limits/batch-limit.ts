import type { NextFunction, Request, Response } from 'express';
import { OperationLimitError } from './operation-limit-error';

/**
 * HTTP batching (a JSON array of operations in one POST) multiplies every other limit by the batch
 * size, so the number of operations is limited before Apollo Server sees the array. Apollo Server
 * batching is on only when the limit is above 1.
 */
export function batchLimit(limit: number, onRefusal?: (refusal: OperationLimitError) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (limit === 0 || !Array.isArray(body) || body.length <= limit) return next();
    const refusal = new OperationLimitError('batchSize', limit, body.length);
    onRefusal?.(refusal);
    const { message, extensions } = refusal;
    const { http: _http, ...visible } = extensions;
    res.status(400).json({ errors: [{ message, extensions: visible }] });
  };
}
