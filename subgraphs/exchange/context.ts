import type { BaseContext, LoadersFactory } from '../kit';
import { ExchangeSource } from './data/exchange.source';
import type { QuoteTokens } from './quote/quote-token';
import type { QuoteSettings } from './quote/quote-settings';

/** What every exchange resolver gets: the caller, its JD data source, the quote signer and settings, a clock. */
export interface ExchangeContext extends BaseContext {
  exchange: ExchangeSource;
  quotes: QuoteTokens;
  quoteSettings: QuoteSettings;
  /** The time quotes are issued and checked at; a parameter so tests can move it. */
  now(): Date;
}

export interface ExchangeContextDeps {
  /** Fresh per request (loaders never outlive one); undefined pin for partners and anonymous callers. */
  createLoaders: LoadersFactory;
  quotes: QuoteTokens;
  quoteSettings: QuoteSettings;
  now?: () => Date;
}

/** Builds one request's context from the verified base context. */
export function createExchangeContext(base: BaseContext, deps: ExchangeContextDeps): ExchangeContext {
  return {
    ...base,
    exchange: new ExchangeSource(base, deps.createLoaders),
    quotes: deps.quotes,
    quoteSettings: deps.quoteSettings,
    now: deps.now ?? (() => new Date()),
  };
}
