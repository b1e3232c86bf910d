import { createHash, createHmac } from 'node:crypto';
import { signIdentity } from '../../../gateway/identity/sign';
import { createFormatError } from '../../../gateway/plugins/format-error';

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
  const internal = {
    message: 'connect ECONNREFUSED 10.0.0.3:5432',
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts:1'], serviceName: 'orders' },
  };
  it('masks internal errors in production but keeps the code', () => {
    expect(createFormatError(true)(internal)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(createFormatError(true)({ message: 'boom' })).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
  it('keeps coded client errors, minus stack traces, in production', () => {
    expect(
      createFormatError(true)({ message: 'Order not found', path: ['order'], extensions: { code: 'NOT_FOUND', stacktrace: ['x'] } }),
    ).toEqual({ message: 'Order not found', path: ['order'], extensions: { code: 'NOT_FOUND' } });
  });
  it('passes everything through outside production', () => {
    expect(createFormatError(false)(internal)).toBe(internal);
  });
});
