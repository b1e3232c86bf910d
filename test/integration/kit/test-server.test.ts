import { Ctx, Query, Resolver } from 'type-graphql';
import { systemError, timeoutError } from '../../../jd/client';
import { buildSubgraph, NotFoundError, translateJdError, type BaseContext } from '../../../subgraphs/kit';
import { createTestServer } from '../../support/test-server';
import { buildSchema as buildAlpha } from '../../unit/kit/fixtures/subgraphs/alpha/schema';

// Resolvers that fail the way data sources will: JD errors translated in the caller's language.
@Resolver()
class FailingResolver {
  @Query(() => String)
  rejected(@Ctx() ctx: BaseContext): string {
    throw translateJdError(systemError('jingdong.pop.order.get', '61'), ctx.language);
  }

  @Query(() => String)
  unavailable(@Ctx() ctx: BaseContext): string {
    throw translateJdError(timeoutError('jingdong.pop.order.get', 3000), ctx.language);
  }

  @Query(() => String)
  missing(): string {
    throw new NotFoundError('No such order');
  }

  @Query(() => String)
  crash(): string {
    throw new TypeError("Cannot read properties of undefined (reading 'orderId')");
  }
}

const failing = buildSubgraph({ name: 'failing', resolvers: [FailingResolver], federationImports: [] }).schema;

describe('createTestServer', () => {
  it('runs a query with a signed-and-verified identity and the context startSubgraph would build', async () => {
    const seen: BaseContext[] = [];
    const server = createTestServer(buildAlpha().schema, { createContext: (base) => (seen.push(base), base) });
    try {
      const alice = await server.execute(
        '{ order(id: "1001") { id placedAt } }',
        {},
        { kind: 'customer', pin: 'jd_demo_alice' },
        { 'accept-language': 'zh' },
      );
      expect(alice).toEqual({
        data: { order: { id: '1001', placedAt: '2025-05-05T14:00:00+08:00' } },
        errors: undefined,
        cacheControl: 'max-age=30, private',
      });
      expect(seen[0]).toMatchObject({ identity: { kind: 'customer', pin: 'jd_demo_alice' }, language: 'zh' });

      const bob = await server.execute(
        'query($id: ID!) { order(id: $id) { id } }',
        { id: '1001' },
        { kind: 'customer', pin: 'jd_demo_bob' },
      );
      expect(bob.data).toEqual({ order: null });
    } finally {
      await server.stop();
    }
  });

  it('translates JD errors into the caller language with the JD code', async () => {
    const server = createTestServer(failing, { createContext: (b) => b });
    try {
      const zh = await server.execute('{ rejected }', {}, { kind: 'anonymous' }, { 'accept-language': 'zh-CN' });
      expect(zh.errors?.[0]).toMatchObject({
        message: '无效参数值',
        extensions: { code: 'UPSTREAM_REJECTED', jdCode: '61', jdMethod: 'jingdong.pop.order.get' },
      });
      const en = await server.execute('{ unavailable }');
      expect(en.errors?.[0]).toMatchObject({
        message: 'JD is temporarily unavailable; please try again later',
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
    } finally {
      await server.stop();
    }
  });

  it('masks uncoded errors only in production; coded ones pass', async () => {
    const prod = createTestServer(failing, { createContext: (b) => b, production: true });
    const dev = createTestServer(failing, { createContext: (b) => b, production: false });
    try {
      expect((await prod.execute('{ crash }')).errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['crash'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect((await prod.execute('{ missing }')).errors?.[0]).toEqual({
        message: 'No such order',
        locations: [{ line: 1, column: 3 }],
        path: ['missing'],
        extensions: { code: 'NOT_FOUND' },
      });
      expect((await prod.execute('{ rejected }')).errors?.[0].extensions).toEqual({
        code: 'UPSTREAM_REJECTED',
        jdCode: '61',
        jdMethod: 'jingdong.pop.order.get',
      });
      expect((await dev.execute('{ crash }')).errors?.[0].message).toBe("Cannot read properties of undefined (reading 'orderId')");
      // Client mistakes are not masked: they tell the caller what to fix.
      expect((await prod.execute('{ nope }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await prod.stop();
      await dev.stop();
    }
  });
});
