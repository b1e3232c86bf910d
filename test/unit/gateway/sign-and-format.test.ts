import { createHash, createHmac } from 'node:crypto';
import { signIdentity } from '../../../gateway/identity/sign';
import type { Logger } from 'pino';
import { claimInternalError, createFormatError } from '../../../gateway/plugins/format-error';

describe('signIdentity (docs/identity-headers.md)', () => {
  it('encodes only the contract fields and signs ts "." subgraph "." sha256(body) "." payload', () => {
    const identity = { kind: 'partner', partnerId: 'acme', scopes: ['directory:read'], extra: 'dropped' } as never;
    const body = '{"query":"{ supportOffices { id } }"}';
    const h = signIdentity(identity, 'secret', { subgraph: 'offices', body }, 1_700_000_000_000);
    expect(h['x-jd-identity-ts']).toBe('1700000000000');
    expect(h['x-jd-identity']).not.toMatch(/=/);
    expect(JSON.parse(Buffer.from(h['x-jd-identity'], 'base64url').toString())).toEqual({
      kind: 'partner',
      partnerId: 'acme',
      scopes: ['directory:read'],
    });
    const digest = createHash('sha256').update(body).digest('hex');
    expect(h['x-jd-identity-sig']).toBe(
      createHmac('sha256', 'secret').update(`1700000000000.offices.${digest}.${h['x-jd-identity']}`).digest('hex'),
    );
  });

  it('signs differently for another subgraph or another body', () => {
    const sig = (subgraph: string, body: string) => signIdentity({ kind: 'anonymous' }, 's', { subgraph, body }, 1)['x-jd-identity-sig'];
    expect(sig('orders', '{}')).not.toBe(sig('offices', '{}'));
    expect(sig('orders', '{}')).not.toBe(sig('orders', '{ }'));
  });
});

describe('formatError', () => {
  const logged: unknown[] = [];
  const log = { error: (entry: unknown) => void logged.push(entry) } as unknown as Logger;
  const format = (details = false) => createFormatError({ details, log, refusalOf: () => undefined });
  const internal = {
    message: 'connect ECONNREFUSED 10.0.0.3:5432',
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts:1'], serviceName: 'orders' },
  };
  beforeEach(() => void (logged.length = 0));

  it('masks internal errors in every mode and keeps the original for the request that answers it to log', () => {
    jest.useFakeTimers();
    try {
      const masked = format()(internal);
      expect(masked).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(claimInternalError(masked)).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        message: internal.message,
        path: undefined,
        subgraph: 'orders',
      });
      // Claimed once: the request logs it, nobody else does.
      expect(claimInternalError(masked)).toBeUndefined();
      jest.advanceTimersByTime(1000);
    } finally {
      jest.useRealTimers();
    }
    expect(logged).toEqual([]);
  });

  it('logs an internal error no request claimed (formatted outside the pipeline) after a second, without a request id', () => {
    jest.useFakeTimers();
    try {
      format()({ message: 'boom' });
      jest.advanceTimersByTime(999);
      expect(logged).toEqual([]);
      jest.advanceTimersByTime(1);
    } finally {
      jest.useRealTimers();
    }
    expect(logged).toEqual([expect.objectContaining({ message: 'boom', code: undefined })]);
  });

  it('keeps coded client errors and their extensions, minus stack traces and service names', () => {
    expect(
      format()({
        message: 'Order not found',
        path: ['order'],
        extensions: { code: 'NOT_FOUND', stacktrace: ['x'], serviceName: 'orders', subgraph: 'orders' },
      }),
    ).toEqual({ message: 'Order not found', path: ['order'], extensions: { code: 'NOT_FOUND', subgraph: 'orders' } });
  });
  it("drops extensions that carry internals: a subgraph's HTTP response, an address in any value", () => {
    const refused = {
      message: 'Unauthenticated',
      extensions: {
        code: 'UNAUTHENTICATED',
        response: { url: 'http://orders:4001/graphql', status: 401, body: {} },
        upstream: 'redis://10.0.0.7:6379',
        subgraphUrl: 'http://orders:4001/graphql',
        jdCode: '3001',
      },
    };
    expect(format()(refused)).toEqual({ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED', jdCode: '3001' } });
  });

  it('keeps the code of a coded error whose text carries internals, not its text', () => {
    const leaky = { message: 'TypeError: x is undefined at /work/app/orders.ts:3:9', extensions: { code: 'BAD_USER_INPUT' } };
    expect(format()(leaky)).toEqual({ message: 'The request failed (BAD_USER_INPUT)', extensions: { code: 'BAD_USER_INPUT' } });
  });
  it('passes everything through with ERROR_DETAILS', () => {
    expect(format(true)(internal)).toBe(internal);
  });
});
