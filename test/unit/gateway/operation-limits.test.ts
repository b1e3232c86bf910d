import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { loadExamples } from '../../../gateway/explorer';
import { DEFAULT_OPERATION_LIMITS, OperationLimitError, operationLimitRules } from '../../../gateway/limits';

const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');
const describeWithSupergraph = existsSync(SUPERGRAPH) || process.env.CI === 'true' ? describe : describe.skip;

const refusals = (schema: ReturnType<typeof buildSchema>, query: string, limits = DEFAULT_OPERATION_LIMITS) =>
  validate(schema, parse(query, { maxTokens: limits.tokens }), operationLimitRules(limits)).map((e) => e.extensions);

describeWithSupergraph('default operation limits admit every persisted mobile operation and explorer example', () => {
  const schema = Supergraph.build(readFileSync(SUPERGRAPH, 'utf8')).apiSchema().toGraphQLJSSchema();
  it.each(loadExamples().map((e) => [e.file, e.query] as const))('%s', (_file, query) => {
    expect(refusals(schema, query)).toEqual([]);
  });
});

describe('operation limit rules (GraphQL Armor counts, our codes)', () => {
  const schema = buildSchema('type Query { a: A } type A { a: A id: ID }');
  const limits = { ...DEFAULT_OPERATION_LIMITS, depth: 3, aliases: 2, rootFields: 2, directives: 2 };

  it('reports each limit with its name, limit and the count GraphQL Armor found', () => {
    expect(refusals(schema, '{ a { a { a { id } } } }', limits)).toEqual([
      { code: 'OPERATION_LIMIT_EXCEEDED', limitName: 'depth', limit: 3, actual: 4, http: { status: 400 } },
    ]);
    expect(refusals(schema, '{ a { x: id y: id z: id } }', limits)).toEqual([expect.objectContaining({ limitName: 'aliases', actual: 3 })]);
    expect(
      refusals(schema, '{ a { id @skip(if: false) i: id @skip(if: false) j: id @include(if: true) } }', { ...limits, aliases: 0 }),
    ).toEqual([expect.objectContaining({ limitName: 'directives', actual: 3 })]);
    expect(refusals(schema, '{ a { id } ...Q } fragment Q on Query { a { id } ... on Query { a { id } } }', limits)).toEqual([
      expect.objectContaining({ limitName: 'rootFields', actual: 3 }),
    ]);
  });

  it('survives a fragment cycle, which graphql-js reports itself', () => {
    const query = '{ a { ...F } } fragment F on A { x: id y: id a { ...F } }';
    // The cycle is graphql-js's own validation error; the limits neither loop nor crash on it.
    const errors = validate(schema, parse(query), [...specifiedRules, ...operationLimitRules(limits)]);
    expect(errors.some((e) => /cannot spread fragment "F" within itself/i.test(e.message))).toBe(true);
  });

  it('turns a limit off with 0', () => {
    expect(refusals(schema, '{ a { a { a { a { id } } } } }', { ...limits, depth: 0 })).toEqual([]);
  });

  it('words the refusal for people', () => {
    expect(new OperationLimitError('depth', 12, 40).message).toBe(
      'The operation has 40 levels of nested fields, more than the limit of 12',
    );
    expect(new OperationLimitError('batchSize', 1, 3).message).toBe('The batch has 3 operations, more than the limit of 1');
  });
});
