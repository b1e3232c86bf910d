import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isUnionType,
  getNamedType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { loadExamples } from '../gateway/explorer';
import { loadManifest } from '../gateway/safelist/manifest';

/** An operation clients depend on: a persisted one (mobile apps cannot be updated at once) or an explorer example. */
export interface KnownOperation {
  kind: 'persisted operation' | 'explorer example';
  name: string;
  /** Where it lives, for the report. */
  source: string;
  document: string;
}

export interface BrokenOperation {
  operation: KnownOperation;
  /** Why: validation errors against the new schema, and the breaking changes on what it selects. */
  reasons: string[];
}

export interface SupergraphCheck {
  breaking: Change[];
  dangerous: Change[];
  broken: BrokenOperation[];
}

/** The schema clients see: the supergraph without the federation machinery (join__*, link__*). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The persisted operations of the manifest and the explorer's own examples (mobile's are the persisted ones). */
export function knownOperations(root: string): KnownOperation[] {
  const manifestPath = join(root, 'persisted-operations', 'manifest.json');
  const persisted = loadManifest(manifestPath).operations.map((op) => ({
    kind: 'persisted operation' as const,
    name: op.name,
    source: 'persisted-operations/manifest.json',
    document: op.body,
  }));
  const examples = loadExamples({
    examplesDir: join(root, 'gateway', 'explorer', 'examples'),
    persistedDir: join(root, 'persisted-operations'),
  })
    .filter((example) => example.group !== 'mobile')
    .map((example) => ({ kind: 'explorer example' as const, name: example.operationName, source: example.file, document: example.query }));
  return [...persisted, ...examples];
}

/**
 * Compares the API schemas of two supergraphs with GraphQL Inspector, and finds which known
 * operations the new one breaks: an operation breaks when it no longer validates, or when a
 * breaking change touches a field, argument, enum or input type it uses. The second catches what
 * validation cannot, such as a field that becomes nullable or an enum value the client may receive.
 */
export async function checkSupergraph(before: string, after: string, operations: KnownOperation[]): Promise<SupergraphCheck> {
  const oldSchema = apiSchemaOf(before);
  const newSchema = apiSchemaOf(after);
  const changes = await diff(oldSchema, newSchema);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
  const broken: BrokenOperation[] = [];
  for (const operation of operations) {
    const document = parse(operation.document);
    const reasons = validate(newSchema, document).map((e) => e.message);
    const used = coordinatesUsed(oldSchema, document);
    for (const change of breaking) if (change.path && touches(change.path, used)) reasons.push(`${change.message} (${change.path})`);
    if (reasons.length > 0) broken.push({ operation, reasons: [...new Set(reasons)] });
  }
  return { breaking, dangerous, broken };
}

interface UsedCoordinates {
  /** `Type.field` and `Type.field.argument` the operation selects or passes. */
  fields: Set<string>;
  /** Enums, unions and input types the operation reads or sends: any breaking change to their members matters. */
  wholeTypes: Set<string>;
  /** Every named type it touches (a removed or re-kinded type breaks it). */
  types: Set<string>;
}

function coordinatesUsed(schema: GraphQLSchema, document: DocumentNode): UsedCoordinates {
  const used: UsedCoordinates = { fields: new Set(), wholeTypes: new Set(), types: new Set() };
  const typeInfo = new TypeInfo(schema);
  const useType = (name: string) => {
    used.types.add(name);
    const type = schema.getType(name);
    if (isEnumType(type) || isUnionType(type) || isInputObjectType(type)) used.wholeTypes.add(name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.fields.add(`${parent.name}.${node.name.value}`);
        useType(parent.name);
        useType(getNamedType(field.type).name);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!parent || !field) return;
        used.fields.add(`${parent.name}.${field.name}.${node.name.value}`);
        if (argument) useType(getNamedType(argument.type).name);
      },
      VariableDefinition() {
        const input = typeInfo.getInputType();
        if (input) useType(getNamedType(input).name);
      },
      InlineFragment(node) {
        if (node.typeCondition) useType(node.typeCondition.name.value);
      },
      FragmentDefinition(node) {
        useType(node.typeCondition.name.value);
      },
    }),
  );
  return used;
}

function touches(path: string, used: UsedCoordinates): boolean {
  if (used.fields.has(path) || used.types.has(path)) return true;
  const parent = path.slice(0, path.lastIndexOf('.'));
  // A new required argument, or a removed one, on a field the operation selects.
  if (used.fields.has(parent)) return true;
  // A removed enum value or union member, or a changed input field, of a type the operation uses whole.
  return used.wholeTypes.has(parent);
}

/** The baseline supergraph: a file, or an http(s) URL serving the SDL. */
export async function readSupergraph(location: string): Promise<string> {
  if (!/^https?:\/\//.test(location)) return readFileSync(location, 'utf8');
  const res = await fetch(location, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${location} answered HTTP ${res.status}`);
  return res.text();
}

/** The human report: every breaking and dangerous change, then every operation broken and why. */
export function formatCheck(check: SupergraphCheck, against: string): string {
  const lines: string[] = [`Compared with ${against}:`];
  const list = (title: string, changes: Change[]) => {
    lines.push(`${title} changes: ${changes.length}`);
    for (const c of changes) lines.push(`  - ${c.message}${c.path ? ` (${c.path})` : ''}`);
  };
  list('Breaking', check.breaking);
  list('Dangerous', check.dangerous);
  if (check.broken.length === 0) {
    lines.push('No persisted operation or explorer example is broken.');
    return lines.join('\n');
  }
  lines.push(`Broken operations: ${check.broken.length}`);
  for (const { operation, reasons } of check.broken) {
    lines.push(`  - ${operation.kind} ${operation.name} (${operation.source}):`);
    for (const reason of reasons) lines.push(`      ${reason}`);
  }
  return lines.join('\n');
}
