import { BadUserInputError } from '../../kit';
import { DEFAULT_OPTIONS_PER_SOURCE, MAX_OPTIONS_PER_SOURCE } from './quote-settings';
import { SOURCE_PRECEDENCE, type ExchangeOptionSource } from './quote.enums';

/** Validated quote arguments: the sources in precedence order, each once, and the per-source cap. */
export interface QuoteArgs {
  sources: ExchangeOptionSource[];
  perSource: number;
}

/** Omitted sources mean all; an empty list or a cap outside 1..33 is BAD_USER_INPUT. */
export function parseQuoteArgs(sources: readonly ExchangeOptionSource[] | null | undefined, first: number | null | undefined): QuoteArgs {
  const perSource = first ?? DEFAULT_OPTIONS_PER_SOURCE;
  if (!Number.isInteger(perSource) || perSource < 1 || perSource > MAX_OPTIONS_PER_SOURCE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_OPTIONS_PER_SOURCE} options per source`, ['first']);
  }
  if (sources && sources.length === 0)
    throw new BadUserInputError('Name at least one source, or omit sources for all of them', ['sources']);
  const wanted = new Set(sources ?? SOURCE_PRECEDENCE);
  return { sources: SOURCE_PRECEDENCE.filter((s) => wanted.has(s)), perSource };
}
