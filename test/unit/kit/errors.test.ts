import { GraphQLError } from 'graphql';
import { circuitOpenError, JdApiError, networkError, rateLimitedError, systemError, timeoutError, businessError } from '../../../jd/client';
import {
  AuthenticationError,
  BadUserInputError,
  ForbiddenError,
  formatSubgraphError,
  NotFoundError,
  translateJdError,
  UpstreamRejectedError,
  UpstreamUnavailableError,
} from '../../../subgraphs/kit';

describe('coded errors', () => {
  it.each([
    [new NotFoundError(), 'NOT_FOUND'],
    [new ForbiddenError(), 'FORBIDDEN'],
    [new AuthenticationError(), 'UNAUTHENTICATED'],
    [new BadUserInputError('bad', ['input', 'quantity']), 'BAD_USER_INPUT'],
    [new UpstreamUnavailableError('later'), 'UPSTREAM_UNAVAILABLE'],
    [new UpstreamRejectedError('no', '60', 'jingdong.x'), 'UPSTREAM_REJECTED'],
  ])('%s carries extensions.code %s', (error, code) => {
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe(code);
  });

  it('BadUserInputError names the field', () => {
    expect(new BadUserInputError('too many', ['input', 'quantity']).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: ['input', 'quantity'],
    });
  });
});

describe('translateJdError', () => {
  it('turns a permanent JD system error into UPSTREAM_REJECTED with code and method, in the caller language', () => {
    const err = systemError('jingdong.pop.order.get', '61');
    const en = translateJdError(err, 'en');
    expect(en).toBeInstanceOf(UpstreamRejectedError);
    expect(en.message).toBe('Invalid parameter value');
    expect(en.extensions).toEqual({ code: 'UPSTREAM_REJECTED', jdCode: '61', jdMethod: 'jingdong.pop.order.get' });
    expect(translateJdError(err, 'zh').message).toBe('无效参数值');
  });

  it('turns a business refusal into UPSTREAM_REJECTED with JD wording', () => {
    const err = businessError('jingdong.afsservice.apply.create', '1002', '该商品已超过售后期', 'After-sales period has expired');
    expect(translateJdError(err, 'zh').message).toBe('该商品已超过售后期');
    expect(translateJdError(err, 'en').extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', jdCode: '1002' });
  });

  it('turns a transient JD system error into UPSTREAM_UNAVAILABLE keeping JD wording', () => {
    const translated = translateJdError(systemError('jingdong.pop.order.get', '66'), 'en');
    expect(translated).toBeInstanceOf(UpstreamUnavailableError);
    expect(translated.message).toBe('Backend unavailable');
    expect(translated.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', jdMethod: 'jingdong.pop.order.get' });
  });

  it.each([
    ['timeout', timeoutError('m', 3000)],
    ['circuit open', circuitOpenError('m', 5000)],
    ['network', networkError('m', new Error('connect ECONNREFUSED 10.0.0.7:443'))],
  ])('turns %s into UPSTREAM_UNAVAILABLE without leaking plumbing details', (_label, err) => {
    const en = translateJdError(err, 'en');
    expect(en.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(en.message).toBe('JD is temporarily unavailable; please try again later');
    expect(translateJdError(err, 'zh').message).toBe('京东服务暂时不可用，请稍后再试');
  });

  it('turns a refused budget slot (rate limited) into JD_BUDGET_EXHAUSTED, naming the method but no plumbing', () => {
    const en = translateJdError(rateLimitedError('jingdong.ware.price.get', 900, 200), 'en');
    expect(en.extensions).toEqual({ code: 'JD_BUDGET_EXHAUSTED', jdMethod: 'jingdong.ware.price.get' });
    expect(en.message).toBe("JD's call budget is spent for this moment; please try again shortly");
    expect(translateJdError(rateLimitedError('m', 900, 200), 'zh').message).toBe('京东接口调用额度暂时用尽，请稍后再试');
  });

  it('treats circuit-open as unavailable even when not flagged retryable', () => {
    const err = new JdApiError({ kind: 'circuit-open', code: 'CIRCUIT_OPEN', method: 'm', zhDesc: 'z', enDesc: 'e', retryable: false });
    expect(translateJdError(err, 'en').extensions.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('recognises a JdApiError structurally (another copy of the class)', () => {
    const lookalike = Object.assign(new Error('x'), {
      name: 'JdApiError',
      code: '60',
      retryable: false,
      zhDesc: '无效参数',
      enDesc: 'Invalid parameter',
      method: 'jingdong.m',
      kind: 'system',
    });
    expect(translateJdError(lookalike, 'en').extensions).toEqual({ code: 'UPSTREAM_REJECTED', jdCode: '60', jdMethod: 'jingdong.m' });
  });

  it('rethrows anything that is not a JdApiError, untouched', () => {
    const plain = new Error('bug');
    expect(() => translateJdError(plain, 'en')).toThrow(plain);
    const notFound = new NotFoundError();
    expect(() => translateJdError(notFound, 'en')).toThrow(notFound);
  });
});

describe('formatSubgraphError', () => {
  const uncoded = {
    message: 'db password is hunter2',
    path: ['order'],
    locations: [{ line: 1, column: 3 }],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: ...'] },
  };

  it('masks uncoded errors in production, keeping path and locations', () => {
    expect(formatSubgraphError(uncoded, new Error('x'), { production: true })).toEqual({
      message: 'Internal server error',
      path: ['order'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const noExtensions = { message: 'raw' };
    expect(formatSubgraphError(noExtensions, new Error('raw'), { production: true }).message).toBe('Internal server error');
  });

  it('keeps coded errors in production', () => {
    const coded = { message: 'Not found', extensions: { code: 'NOT_FOUND' } };
    expect(formatSubgraphError(coded, new NotFoundError(), { production: true })).toBe(coded);
    const rejected = { message: 'Invalid parameter', extensions: { code: 'UPSTREAM_REJECTED', jdCode: '60', jdMethod: 'm' } };
    expect(formatSubgraphError(rejected, null, { production: true })).toBe(rejected);
  });

  it('passes everything through outside production', () => {
    expect(formatSubgraphError(uncoded, new Error('x'), { production: false })).toBe(uncoded);
  });

  it('masks made-up codes in production', () => {
    const odd = { message: 'secret', extensions: { code: 'ECONNREFUSED' } };
    expect(formatSubgraphError(odd, null, { production: true }).message).toBe('Internal server error');
  });
});
