/**
 * Demand-control annotations (Federation 2.9's `@cost` and `@listSize`, from the IBM GraphQL Cost
 * Directive specification), written once so every subgraph prices its fields the same way. The gateway
 * reads them from the composed supergraph and estimates each operation before running it
 * (gateway/demand-control); README "Demand control" explains the budgets they are weighed against.
 *
 * Weights are per returned element: a composite type already costs 1 and a scalar 0, so `@cost`
 * is used where a field costs more than that, chiefly JD calls.
 */

/** The weight of a field that makes one JD call of its own (order get, after-sales detail, …). */
export const JD_CALL_WEIGHT = 5;

/** The weight of a field JD answers in batches of up to 100 (price, stock): each element's share of the call. */
export const JD_BATCHED_WEIGHT = 1;

/** `@cost(weight: n)`: what resolving the field costs, replacing the default (1 for composite, 0 for leaves). */
export const cost = (weight: number): string => `@cost(weight: ${weight})`;

/** The arguments of `@listSize`, as the specification names them. */
export interface ListSize {
  /** Elements assumed when no slicing argument gives the number. */
  assumedSize?: number;
  /** Arguments whose value is the list's size (the largest one given wins). */
  slicingArguments?: string[];
  /** Fields of the returned type that the slicing argument sizes (e.g. a connection's `edges`). */
  sizedFields?: string[];
  /** Refuse to price an operation unless exactly one slicing argument has a value. */
  requireOneSlicingArgument?: boolean;
}

/** `@listSize(...)`: how many elements a list field (or the sized fields of its result) is priced at. */
export function listSize(size: ListSize): string {
  const args: string[] = [];
  if (size.assumedSize !== undefined) args.push(`assumedSize: ${size.assumedSize}`);
  if (size.slicingArguments) args.push(`slicingArguments: ${JSON.stringify(size.slicingArguments)}`);
  if (size.sizedFields) args.push(`sizedFields: ${JSON.stringify(size.sizedFields)}`);
  if (size.requireOneSlicingArgument !== undefined) args.push(`requireOneSlicingArgument: ${size.requireOneSlicingArgument}`);
  return `@listSize(${args.join(', ')})`;
}
