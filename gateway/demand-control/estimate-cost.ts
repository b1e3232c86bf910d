import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { CostDirectives, ListSizeSpec } from './cost-directives';

/** The operation cannot be priced as the schema asks (e.g. `requireOneSlicingArgument` not met). */
export class CostEstimateError extends Error {}

export interface CostEstimateInput {
  /** The schema the operation was validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  /** The operation being executed (one of the document's). */
  operation: OperationDefinitionNode;
  variables?: Readonly<Record<string, unknown>>;
  directives: CostDirectives;
  /** Elements assumed for a list field that `@listSize` says nothing about. */
  defaultListSize: number;
  /** Told of every variable the estimate reads and how it uses it (cost-estimate-memo.ts keys on these). */
  onVariableRead?: (name: string, use: VariableUse) => void;
}

/**
 * How the estimate uses a variable's value. `condition-or-size`: only whether it is `true`, `false` or an
 * integer and which one (`@skip`/`@include`, slicing arguments). `argument-cost`: only its shape, which
 * lists and input-object fields it has and which values are null (what `variableCost` prices).
 */
export type VariableUse = 'condition-or-size' | 'argument-cost';

/**
 * The part of a variable's value that the estimate depends on for that use: two values with the same
 * observation give the same estimate. Kept beside the code that reads them, as the two must change together.
 */
export function observeVariable(use: VariableUse, value: unknown): string {
  if (use === 'argument-cost') return shapeOf(value);
  return value === true ? 't' : value === false ? 'f' : Number.isInteger(value) ? `i${value as number}` : 'o';
}

function shapeOf(value: unknown): string {
  if (value === undefined || value === null) return 'n';
  if (Array.isArray(value)) return `[${value.map(shapeOf).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${shapeOf(v)}`)
      .join(',')}}`;
  }
  return '1';
}

/** The operation's variables as the estimate sees them: the request's values over the operation's defaults. */
export function withDefaults(
  operation: OperationDefinitionNode,
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) variables[v.variable.name.value] = literal(v.defaultValue, noVariables);
  }
  return Object.assign(variables, given ?? {});
}

/** The sizes `@listSize(sizedFields:)` hands down from a field to the fields of its result. */
interface SizedFields {
  fields: ReadonlySet<string>;
  size: number;
}

const MUTATION_COST = 10;

/**
 * The static estimated cost of an operation, by the IBM GraphQL Cost Directive specification as Apollo
 * Router's demand control applies it (its `static_estimated` strategy, scored on the supergraph):
 * - a mutation costs 10, a query 0;
 * - a field costs its `@cost(weight:)`, else 1 when it returns an object, interface or union and 0 for
 *   a scalar or enum; plus the cost of its selections; a list field multiplies that by its size:
 *   the largest `@listSize` slicing argument given (or its default), else `assumedSize`, else the
 *   size a `sizedFields` parent hands down, else `defaultListSize`;
 * - plus its arguments: an input object 1 (or its `@cost`) plus its fields, a list the sum of its
 *   items, a scalar its `@cost` or 0; plus the fields a `@requires` makes the planner fetch.
 * `__typename` and introspection fields are free; `@skip`/`@include` that exclude a field make it free.
 * Beyond the router, variables are resolved for slicing arguments and `@skip`/`@include`, falling back to
 * the operation's variable defaults, so an operation is priced at what it will actually ask for.
 */
export function estimateCost(input: CostEstimateInput): number {
  const { schema, document, operation, directives, defaultListSize } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const variables = withDefaults(operation, input.variables);
  const variable = (name: string, use: VariableUse): unknown => {
    input.onVariableRead?.(name, use);
    return variables[name];
  };
  const requiresSets = new Map<string, SelectionSetNode>();

  const valueOf = (node: ValueNode): unknown => literal(node, (name) => variable(name, 'condition-or-size'));

  const skipped = (node: FieldNode): boolean =>
    (node.directives ?? []).some((d) => {
      if (d.name.value !== 'skip' && d.name.value !== 'include') return false;
      const condition = d.arguments?.find((a) => a.name.value === 'if');
      const value = condition && valueOf(condition.value);
      return (d.name.value === 'skip' && value === true) || (d.name.value === 'include' && value === false);
    });

  const expectedSize = (spec: ListSizeSpec, definition: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined => {
    const slicing = new Map<string, number>();
    if (spec.slicingArguments) {
      for (const a of definition.args) {
        if (spec.slicingArguments.includes(a.name) && Number.isInteger(a.defaultValue)) slicing.set(a.name, a.defaultValue as number);
      }
      for (const a of node.arguments ?? []) {
        if (!spec.slicingArguments.includes(a.name.value)) continue;
        const value = valueOf(a.value);
        if (Number.isInteger(value)) slicing.set(a.name.value, value as number);
      }
      if (spec.requireOneSlicingArgument && slicing.size !== 1) {
        throw new CostEstimateError(
          `${definition.name}: exactly one of ${spec.slicingArguments.join(', ')} is required to price this list, found ${slicing.size}`,
        );
      }
    }
    return slicing.size > 0 ? Math.max(...slicing.values()) : spec.assumedSize;
  };

  const argumentCost = (value: ValueNode, type: GraphQLInputType, coordinate: string): number => {
    const weight = directives.weights.get(coordinate);
    const named = getNamedType(type);
    switch (value.kind) {
      case Kind.VARIABLE:
        // A scalar or enum without @cost is free whatever its value, so its value is not read (nor remembered).
        if (weight === undefined && !isInputObjectType(named)) return 0;
        return variableCost(variable(value.name.value, 'argument-cost'), type, coordinate);
      case Kind.NULL:
        return 0;
      case Kind.OBJECT: {
        if (!isInputObjectType(named)) return weight ?? 0;
        let cost = weight ?? 1;
        const fields = named.getFields();
        for (const f of value.fields) {
          const def = fields[f.name.value];
          if (def) cost += argumentCost(f.value, def.type, `${named.name}.${f.name.value}`);
        }
        return cost;
      }
      case Kind.LIST:
        return value.values.reduce((sum, item) => sum + argumentCost(item, type, coordinate), weight ?? 0);
      default:
        return weight ?? 0;
    }
  };

  const variableCost = (value: unknown, type: GraphQLInputType, coordinate: string): number => {
    const weight = directives.weights.get(coordinate);
    const named = getNamedType(type);
    if (value === undefined || value === null) return 0;
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + variableCost(item, type, coordinate), weight ?? 0);
    if (typeof value === 'object' && isInputObjectType(named)) {
      let cost = weight ?? 1;
      const fields = named.getFields();
      for (const [name, v] of Object.entries(value)) {
        if (fields[name]) cost += variableCost(v, fields[name].type, `${named.name}.${name}`);
      }
      return cost;
    }
    return weight ?? 0;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, sized: SizedFields | undefined): number => {
    const name = node.name.value;
    if (name.startsWith('__') || skipped(node)) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[name];
    if (!definition) return 0;
    const coordinate = `${parent.name}.${name}`;
    const spec = directives.listSizes.get(coordinate);
    const expected = spec ? expectedSize(spec, definition, node) : undefined;
    const count = !isListType(getNullableType(definition.type)) ? 1 : sized?.fields.has(name) ? sized.size : (expected ?? defaultListSize);

    const named = getNamedType(definition.type);
    const handedDown = spec?.sizedFields && expected !== undefined ? { fields: new Set(spec.sizedFields), size: expected } : undefined;
    const ownCost = directives.weights.get(coordinate) ?? directives.weights.get(named.name) ?? (isCompositeType(named) ? 1 : 0);
    const typeCost = ownCost + selectionCost(node.selectionSet, named, handedDown);

    let args = 0;
    for (const a of node.arguments ?? []) {
      const def = definition.args.find((d) => d.name === a.name.value);
      if (def) args += argumentCost(a.value, def.type, `${coordinate}(${def.name}:)`);
    }
    // The planner fetches what a @requires names, whether or not the operation selects it.
    const requires = directives.requires.get(coordinate);
    let required = 0;
    if (requires) {
      let set = requiresSets.get(requires);
      if (!set) {
        const parsed = parse(`{ ${requires} }`, { noLocation: true }).definitions[0] as OperationDefinitionNode;
        requiresSets.set(requires, (set = parsed.selectionSet));
      }
      required = selectionCost(set, parent, handedDown);
    }
    return count * typeCost + args + required;
  };

  const selectionCost = (set: SelectionSetNode | undefined, parent: GraphQLNamedType, sized: SizedFields | undefined): number => {
    let cost = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, sized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += selectionCost(selection.selectionSet, on ?? parent, sized);
      } else {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on) cost += selectionCost(fragment.selectionSet, on, sized);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) throw new CostEstimateError(`the schema has no ${operation.operation} type`);
  return (operation.operation === 'mutation' ? MUTATION_COST : 0) + selectionCost(operation.selectionSet, root, undefined);
}

const noVariables = (): unknown => undefined;

/** A literal's JSON value, variables substituted (undefined when a variable has no value). */
function literal(node: ValueNode, variable: (name: string) => unknown): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variable(node.name.value);
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literal(v, variable));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value, variable)]));
  }
}
