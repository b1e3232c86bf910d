import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/** `@listSize` of one field, with the specification's default (requireOneSlicingArgument: true). */
export interface ListSizeSpec {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
  requireOneSlicingArgument: boolean;
}

/** What the supergraph says about prices, keyed by schema coordinate (`Type.field`, `Type.field(arg:)`, `Input.field`, `Type`). */
export interface CostDirectives {
  /** `@cost(weight:)` on fields, arguments, input fields and types. */
  weights: Map<string, number>;
  listSizes: Map<string, ListSizeSpec>;
  /** `@requires` field sets (from `@join__field(requires:)`), which the planner fetches for the field. */
  requires: Map<string, string>;
}

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v/;

const str = (v: ConstValueNode | undefined): string | undefined => (v?.kind === Kind.STRING ? v.value : undefined);
const int = (v: ConstValueNode | undefined): number | undefined => (v?.kind === Kind.INT ? Number(v.value) : undefined);
const strings = (v: ConstValueNode | undefined): string[] | undefined =>
  v?.kind === Kind.LIST ? v.values.map(str).filter((s): s is string => s !== undefined) : undefined;
const arg = (d: ConstDirectiveNode, name: string) => d.arguments?.find((a) => a.name.value === name)?.value;

/**
 * The names the supergraph gives `@cost` and `@listSize`: the cost spec's @link may import them under
 * other names or leave them namespaced (`@cost` is the spec's own name, so it is `@<namespace>`).
 */
function costDirectiveNames(document: DocumentNode): { cost: string; listSize: string } {
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      if (link.name.value !== 'link' || !COST_SPEC.test(str(arg(link, 'url')) ?? '')) continue;
      const namespace = str(arg(link, 'as')) ?? 'cost';
      const names = { cost: namespace, listSize: `${namespace}__listSize` };
      const imports = arg(link, 'import');
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        const [name, as] =
          item.kind === Kind.STRING
            ? [item.value, item.value]
            : item.kind === Kind.OBJECT
              ? [str(field(item, 'name')), str(field(item, 'as'))]
              : [];
        if (name === '@cost' && as) names.cost = as.slice(1);
        if (name === '@listSize' && as) names.listSize = as.slice(1);
      }
      return names;
    }
  }
  return { cost: 'cost', listSize: 'listSize' };
}

function field(object: ConstValueNode & { kind: Kind.OBJECT }, name: string): ConstValueNode | undefined {
  return object.fields.find((f) => f.name.value === name)?.value;
}

/**
 * Reads `@cost`, `@listSize` and `@requires` from a supergraph's SDL (the API schema the gateway
 * validates against has them stripped). Done once per supergraph version.
 */
export function readCostDirectives(supergraphSdl: string): CostDirectives {
  const document = parse(supergraphSdl, { noLocation: true });
  const names = costDirectiveNames(document);
  const out: CostDirectives = { weights: new Map(), listSizes: new Map(), requires: new Map() };
  const weightOf = (directives: readonly ConstDirectiveNode[] | undefined, coordinate: string) => {
    const cost = directives?.find((d) => d.name.value === names.cost);
    const weight = cost && int(arg(cost, 'weight'));
    if (weight !== undefined) out.weights.set(coordinate, weight);
  };

  for (const def of document.definitions) {
    if (!('name' in def) || !def.name || !('kind' in def)) continue;
    const typeName = def.name.value;
    if ('directives' in def) weightOf(def.directives as readonly ConstDirectiveNode[] | undefined, typeName);
    if (!('fields' in def) || !def.fields) continue;
    for (const f of def.fields) {
      const coordinate = `${typeName}.${f.name.value}`;
      weightOf(f.directives, coordinate);
      if (f.kind === Kind.INPUT_VALUE_DEFINITION) continue;
      for (const a of f.arguments ?? []) weightOf(a.directives, `${coordinate}(${a.name.value}:)`);
      for (const d of f.directives ?? []) {
        if (d.name.value === names.listSize) {
          const require = arg(d, 'requireOneSlicingArgument');
          out.listSizes.set(coordinate, {
            assumedSize: int(arg(d, 'assumedSize')),
            slicingArguments: strings(arg(d, 'slicingArguments')),
            sizedFields: strings(arg(d, 'sizedFields')),
            requireOneSlicingArgument: require?.kind === Kind.BOOLEAN ? require.value : true,
          });
        }
        const requires = d.name.value === 'join__field' ? str(arg(d, 'requires')) : undefined;
        if (requires) out.requires.set(coordinate, requires);
      }
    }
  }
  return out;
}
