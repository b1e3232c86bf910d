import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { CostDirectives } from './cost-directives';
import { CostEstimateError, estimateCost, observeVariable, withDefaults, type CostEstimateInput, type VariableUse } from './estimate-cost';

/** The variable combinations kept per operation of a document: a client varying `first:` cannot grow it further. */
export const ESTIMATES_PER_OPERATION = 64;

type Outcome = { cost: number } | { error: CostEstimateError };

/** The variables one estimate read and how: the same observations of them give the same estimate. */
interface Reads {
  id: number;
  signature: string;
  reads: { name: string; use: VariableUse }[];
}

interface OperationEstimates {
  readSets: Reads[];
  /** By read-set id and the observations, oldest first. */
  outcomes: Map<string, Outcome>;
}

/** What a document's estimates were computed against: other inputs start the document afresh. */
interface DocumentEstimates {
  schema: GraphQLSchema;
  directives: CostDirectives;
  defaultListSize: number;
  operations: Map<OperationDefinitionNode, OperationEstimates>;
}

/**
 * `estimateCost`, remembered. Traffic repeats a few operations (persisted queries, explorer examples) and
 * Apollo Server's document store hands repeated query texts the same parsed document, so an estimate is
 * kept on that object until it is collected, for the schema, cost directives and list size it was made
 * with. Within an operation it is keyed on what the estimate observed of the variables it read
 * (a slicing `first`, a `@skip` condition, the shape of an input argument), not on variables it ignores;
 * an id argument does not split it. A CostEstimateError is remembered and thrown again like a price.
 */
export function memoiseCostEstimates(
  estimate: (input: CostEstimateInput) => number = estimateCost,
  limit = ESTIMATES_PER_OPERATION,
): (input: CostEstimateInput) => number {
  const byDocument = new WeakMap<DocumentNode, DocumentEstimates>();
  let nextReadSetId = 0;

  const estimatesOf = (input: CostEstimateInput): OperationEstimates => {
    let doc = byDocument.get(input.document);
    if (!doc || doc.schema !== input.schema || doc.directives !== input.directives || doc.defaultListSize !== input.defaultListSize) {
      doc = { schema: input.schema, directives: input.directives, defaultListSize: input.defaultListSize, operations: new Map() };
      byDocument.set(input.document, doc);
    }
    let op = doc.operations.get(input.operation);
    if (!op) doc.operations.set(input.operation, (op = { readSets: [], outcomes: new Map() }));
    return op;
  };

  const keyOf = (set: Reads, variables: Record<string, unknown>): string =>
    `${set.id}\n${set.reads.map((r) => observeVariable(r.use, variables[r.name])).join('\n')}`;

  const settle = (outcome: Outcome): number => {
    if ('error' in outcome) throw outcome.error;
    return outcome.cost;
  };

  return (input) => {
    const op = estimatesOf(input);
    const variables = withDefaults(input.operation, input.variables);
    for (const set of op.readSets) {
      const known = op.outcomes.get(keyOf(set, variables));
      if (known) return settle(known);
    }

    const seen = new Map<string, { name: string; use: VariableUse }>();
    const onVariableRead = (name: string, use: VariableUse) => {
      if (!seen.has(`${use}:${name}`)) seen.set(`${use}:${name}`, { name, use });
    };
    let outcome: Outcome;
    try {
      outcome = { cost: estimate({ ...input, onVariableRead }) };
    } catch (err) {
      if (!(err instanceof CostEstimateError)) throw err;
      outcome = { error: err };
    }

    const keys = [...seen.keys()].sort();
    const signature = keys.join('\n');
    let set = op.readSets.find((s) => s.signature === signature);
    if (!set) {
      op.readSets.push((set = { id: nextReadSetId++, signature, reads: keys.map((k) => seen.get(k)!) }));
      if (op.readSets.length > limit) op.readSets.shift();
    }
    op.outcomes.set(keyOf(set, variables), outcome);
    if (op.outcomes.size > limit) op.outcomes.delete(op.outcomes.keys().next().value as string);
    return settle(outcome);
  };
}
