import type { NextFunction, Request, Response } from 'express';
import { cors } from '../../../gateway/http/cors';

function run(origins: string[], method: string, origin?: string) {
  const headers = new Map<string, string>();
  let status: number | undefined;
  const res = {
    setHeader: (k: string, v: string) => headers.set(k.toLowerCase(), v),
    append: (k: string, v: string) => headers.set(k.toLowerCase(), v),
    status(code: number) {
      status = code;
      return this;
    },
    end: () => undefined,
  } as unknown as Response;
  const req = { method, header: (name: string) => (name.toLowerCase() === 'origin' ? origin : undefined) } as unknown as Request;
  const next = jest.fn() as NextFunction;
  cors(origins)(req, res, next);
  return { headers, status, passedOn: (next as jest.Mock).mock.calls.length === 1 };
}

describe('gateway CORS', () => {
  it('lets an allowed origin read the sandbox label, Retry-After and the request id', () => {
    const { headers, passedOn } = run(['https://app.example'], 'POST', 'https://app.example');
    expect(headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(headers.get('access-control-expose-headers')).toBe('x-jd-sandbox, retry-after, ratelimit, ratelimit-policy, x-request-id');
    expect(passedOn).toBe(true);
  });

  it('answers a preflight itself and sends nothing for an origin not on the list', () => {
    expect(run(['https://app.example'], 'OPTIONS', 'https://app.example').status).toBe(204);
    const stranger = run(['https://app.example'], 'POST', 'https://evil.example');
    expect(stranger.headers.size).toBe(0);
    expect(stranger.passedOn).toBe(true);
  });
});
