import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type DefinitionNode, type DirectiveNode, type StringValueNode } from 'graphql';

// Issue 6: partners read the schema before they write code, so everything public explains itself.
const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

// Federation, link/join and cache-control machinery, and GraphQL's own built-ins: not ours to describe.
const MACHINERY_TYPES = new Set([
  '_Service',
  '_Entity',
  '_Any',
  '_FieldSet',
  'FieldSet',
  'CacheControlScope',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
]);
const MACHINERY_PREFIXES = ['join__', 'link__', 'federation__', 'connect__'];
const MACHINERY_DIRECTIVES = new Set([
  'cacheControl',
  'link',
  'key',
  'shareable',
  'requires',
  'provides',
  'external',
  'tag',
  'inaccessible',
  'override',
  'composeDirective',
  'interfaceObject',
  'extends',
  'authenticated',
  'requiresScopes',
  'policy',
  'context',
  'fromContext',
  'cost',
  'listSize',
  'specifiedBy',
  'deprecated',
  'include',
  'skip',
  'oneOf',
  'defer',
  'stream',
]);
const MACHINERY_FIELDS = new Set(['Query._service', 'Query._entities']);

const isMachinery = (name: string) => MACHINERY_TYPES.has(name) || MACHINERY_PREFIXES.some((p) => name.startsWith(p));
const described = (d: StringValueNode | undefined) => d !== undefined && d.value.trim().length > 0;
const hidden = (directives: readonly DirectiveNode[] | undefined) => (directives ?? []).some((d) => d.name.value === 'inaccessible');

/** Every public type, field, argument, enum value and input field without a non-empty description, as `Type.field(arg)`. */
export function undescribed(sdl: string): string[] {
  const doc = parse(sdl);
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  for (const def of doc.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION)
      for (const op of def.operationTypes ?? []) roots.add(op.type.name.value);
  }
  const out: string[] = [];
  for (const def of doc.definitions) check(def, roots, out);
  return out;
}

function check(def: DefinitionNode, roots: Set<string>, out: string[]): void {
  if (def.kind === Kind.DIRECTIVE_DEFINITION) {
    const name = def.name.value;
    if (MACHINERY_DIRECTIVES.has(name) || isMachinery(name)) return;
    if (!described(def.description)) out.push(`@${name}`);
    for (const a of def.arguments ?? []) if (!described(a.description)) out.push(`@${name}(${a.name.value})`);
    return;
  }
  if (!('name' in def) || def.name === undefined) return;
  const type = def.name.value;
  if (isMachinery(type) || ('directives' in def && hidden(def.directives))) return;
  // Extensions cannot carry a description, and root operation types are described by their fields.
  const extension = def.kind.endsWith('Extension');
  if (!extension && !roots.has(type) && 'description' in def && !described(def.description)) out.push(type);
  if ('fields' in def) {
    for (const f of def.fields ?? []) {
      const field = `${type}.${f.name.value}`;
      if (MACHINERY_FIELDS.has(field) || hidden(f.directives)) continue;
      if (!described(f.description)) out.push(field);
      if ('arguments' in f)
        for (const a of f.arguments ?? []) if (!hidden(a.directives) && !described(a.description)) out.push(`${field}(${a.name.value})`);
    }
  }
  if ('values' in def)
    for (const v of def.values ?? []) if (!hidden(v.directives) && !described(v.description)) out.push(`${type}.${v.name.value}`);
}

const files = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

describe('schema descriptions', () => {
  it('finds the subgraph SDL files and the supergraph', () => {
    expect(files).toEqual(expect.arrayContaining(['orders.graphql', 'after-sales.graphql', 'offices.graphql']));
  });

  it.each(files)('schema/%s describes every public type, field, argument, enum value and input field', (file) => {
    const offenders = undescribed(readFileSync(join(SCHEMA_DIR, file), 'utf8'));
    if (offenders.length > 0)
      throw new Error(`schema/${file}: ${offenders.length} public element(s) without a description:\n  ${offenders.join('\n  ')}`);
  });
});

describe('the description checker itself', () => {
  it('names every kind of gap as Type.field(arg) and skips federation machinery', () => {
    const sdl = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      directive @cacheControl(maxAge: Int) on FIELD_DEFINITION
      directive @audit(reason: String) on FIELD_DEFINITION
      scalar _Any
      union _Entity = Thing
      type _Service { sdl: String }
      enum CacheControlScope { PUBLIC PRIVATE }
      enum join__Graph { A }
      type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]!
        """Finds one."""
        thing(id: ID!, """   """ flag: Boolean): Thing
        things: [Thing!]!
      }
      """A thing."""
      type Thing @key(fields: "id") { """Its id.""" id: ID! name: String secret: String @inaccessible }
      type Bare { x: Int }
      enum Colour { """Red.""" RED BLUE }
      input ThingInput { """Name.""" name: String size: Int }
      scalar Stamp
      extend type Bare { y: Int }
    `;
    expect(undescribed(sdl)).toEqual([
      '@audit',
      '@audit(reason)',
      'Query.thing(id)',
      'Query.thing(flag)',
      'Query.things',
      'Thing.name',
      'Bare',
      'Bare.x',
      'Colour',
      'Colour.BLUE',
      'ThingInput',
      'ThingInput.size',
      'Stamp',
      'Bare.y',
    ]);
  });
});
