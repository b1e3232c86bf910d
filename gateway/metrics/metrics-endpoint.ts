import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics in Prometheus' text format. With a token, only `Authorization: Bearer <token>` may
 * scrape (compared in constant time); a refusal says nothing about what is behind it.
 */
export function metricsEndpoint(render: () => Promise<{ contentType: string; text: string }>, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (req: Request, res: Response): Promise<void> => {
    if (expected && !timingSafeEqual(digest(req.header('authorization') ?? ''), expected)) {
      res
        .status(401)
        .setHeader('www-authenticate', 'Bearer')
        .json({ errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    const { contentType, text } = await render();
    res.setHeader('content-type', contentType);
    res.send(text);
  };
}
