import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { traceLogFields } from '../../telemetry';
import { requestSpanOf } from '../tracing';

/** One line per HTTP request with its request id, status and duration. */
export function accessLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        {
          requestId: res.locals.requestId,
          ...traceLogFields(requestSpanOf(res)),
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
