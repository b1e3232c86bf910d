import { createHmac } from 'node:crypto';
import { signIdentity } from '../../../gateway/identity/sign';
import { createFormatError } from '../../../gateway/plugins/format-error';

describe('signIdentity (docs/identity-headers.md)', () => {
  it('encodes only the contract fields and signs ts + "." + payload', () => {
    const identity = { kind: 'partner', partnerId: 'acme', scopes: ['directory:read'], extra: 'dropped' } as never;
    const h = signIdentity(identity, 'secret', 1_700_000_000_000);
    expect(h['x-jd-identity-ts']).toBe('1700000000000');
    expect(h['x-jd-identity']).not.toMatch(/=/);
    expect(JSON.parse(Buffer.from(h['x-jd-identity'], 'base64url').toString())).toEqual({
      kind: 'partner',
      partnerId: 'acme',
      scopes: ['directory:read'],
    });
    expect(h['x-jd-identity-sig']).toBe(createHmac('sha256', 'secret').update(`1700000000000.${h['x-jd-identity']}`).digest('hex'));
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
