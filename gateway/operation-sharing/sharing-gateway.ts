import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

/**
 * Apollo Gateway as Apollo Server sees it, with its executor wrapped (see shared-operations.ts).
 * Schema loads and updates, and stop, go straight to the gateway.
 */
export function withWrappedExecutor(gateway: GatewayInterface, wrap: (executor: GatewayExecutor) => GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    load: async (options) => {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && wrap(loaded.executor) };
    },
    stop: () => gateway.stop(),
  };
}
