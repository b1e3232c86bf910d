import { randomUUID } from 'node:crypto';
import { createStalenessRecord, type StalenessRecord } from '../../jd/loaders';
import { AuthenticationError, ForbiddenError } from './errors/coded-errors';
import type { Identity } from './identity/identity';
import { DEADLINE_HEADER, detachedLifetime, type RequestLifetime } from './serve/request-deadline';

/** Request context shared by every subgraph; each subgraph's context.ts extends it with its data sources. */
export interface BaseContext {
  identity: Identity;
  /** x-request-id from the gateway, or generated here. */
  requestId: string;
  /** From accept-language; picks JD's zh_desc / en_desc. */
  language: 'zh' | 'en';
  /**
   * Epoch ms (Date.now clock) after which nobody waits for this answer: now plus the gateway's
   * `x-deadline-ms` budget, capped by MAX_REQUEST_BUDGET_MS. Pass it on to JD calls.
   */
  deadline: number;
  /** Aborts at the deadline or when the gateway closes the connection; JD calls stop with it. */
  signal: AbortSignal;
  /**
   * JD answers this request was served past their TTL: its loaders note them, and the response says so
   * (extensions.staleness, Age). Absent in contexts built by hand (tests): nothing is noted then.
   */
  staleness?: StalenessRecord;
}

type Headers = Record<string, string | string[] | undefined>;

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** 'zh' when the first language the caller prefers is Chinese, otherwise 'en'. */
export function languageFromHeader(acceptLanguage: string | undefined): 'zh' | 'en' {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, index };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('zh') ? 'zh' : 'en';
}

/**
 * The BaseContext of one request whose identity has already been verified. `lifetime` comes from the
 * HTTP request (startSubgraph); without one, the budget header alone sets the deadline.
 */
export function baseContextFrom(identity: Identity, headers: Headers, lifetime?: RequestLifetime): BaseContext {
  const first = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const requestId = first('x-request-id');
  return {
    identity,
    // An unexpected id shape is replaced rather than trusted: it ends up in logs.
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    language: languageFromHeader(first('accept-language')),
    staleness: createStalenessRecord(),
    ...(lifetime ?? detachedLifetime(headers[DEADLINE_HEADER])),
  };
}

/** The customer's pin; UNAUTHENTICATED for anonymous callers, FORBIDDEN for partners (they act for no customer). */
export function requireCustomer(ctx: Pick<BaseContext, 'identity'>): string {
  const { identity } = ctx;
  if (identity.kind === 'customer') return identity.pin;
  if (identity.kind === 'anonymous') throw new AuthenticationError('Sign in to see your orders and services');
  throw new ForbiddenError('Partners cannot act for a customer');
}
