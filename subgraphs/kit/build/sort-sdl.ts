import { Kind, type DefinitionNode, type DocumentNode } from 'graphql';

// Schema and directive definitions first, then types by name; fields keep their declared order.
const GROUP: Partial<Record<DefinitionNode['kind'], number>> = {
  [Kind.SCHEMA_EXTENSION]: 0,
  [Kind.SCHEMA_DEFINITION]: 1,
  [Kind.DIRECTIVE_DEFINITION]: 2,
};

const nameOf = (def: DefinitionNode) => ('name' in def && def.name ? def.name.value : '');
// Code-unit order, not locale order: the same bytes on every machine.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders the definitions of an SDL document so that output does not depend on import order. */
export function sortDefinitions(document: DocumentNode): DocumentNode {
  const definitions = [...document.definitions].sort(
    (a, b) => (GROUP[a.kind] ?? 3) - (GROUP[b.kind] ?? 3) || compare(nameOf(a), nameOf(b)),
  );
  return { ...document, definitions };
}
