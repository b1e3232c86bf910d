import type { BaseContext, LoadersFactory } from '../kit';
import type { ReturnWindowPolicy } from './eligibility/eligibility.rules';
import { AfterSalesSource } from './data/after-sales.source';

/** What every after-sales resolver gets: the caller, its JD data source, the return policy and a clock. */
export interface AfterSalesContext extends BaseContext {
  afterSales: AfterSalesSource;
  policy: ReturnWindowPolicy;
  /** The time the rules are evaluated at; a parameter so tests can fix it. */
  now(): Date;
}

export interface AfterSalesContextDeps {
  /** Fresh per request (loaders never outlive one); undefined pin for partners and anonymous callers. */
  createLoaders: LoadersFactory;
  policy: ReturnWindowPolicy;
  now?: () => Date;
}

/** Builds one request's context from the verified base context. */
export function createAfterSalesContext(base: BaseContext, deps: AfterSalesContextDeps): AfterSalesContext {
  return {
    ...base,
    afterSales: new AfterSalesSource(base, deps.createLoaders),
    policy: deps.policy,
    now: deps.now ?? (() => new Date()),
  };
}
