import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { boundedLabel, type GatewayMetrics } from '../metrics/gateway-metrics';

/** Requests by operation and outcome, latency, and APQ hits/misses/registrations. */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  const opLabel = boundedLabel();
  const clientLabel = boundedLabel(100);
  const codeLabel = boundedLabel(100);
  return {
    async requestDidStart({ request, contextValue }) {
      const started = process.hrtime.bigint();
      const apq = request.extensions?.persistedQuery !== undefined;
      // Apollo fills request.query from the APQ store after this hook, so "no query yet" means hash-only.
      const hashOnly = apq && !request.query;
      if (apq && !hashOnly) metrics.apq.inc({ result: 'register' });
      return {
        async didResolveSource() {
          if (hashOnly) metrics.apq.inc({ result: 'hit' });
        },
        async didEncounterErrors({ errors }) {
          if (errors.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) metrics.apq.inc({ result: 'miss' });
        },
        async willSendResponse({ response, operationName, errors }) {
          const operation = opLabel(operationName ?? '__anonymous__');
          const hadErrors =
            (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
          metrics.requests.inc({ operation, outcome: hadErrors ? 'error' : 'ok' });
          metrics.clientRequests.inc({ client: clientLabel(contextValue.clientName ?? '__none__'), operation });
          const sent = errors ?? (response.body.kind === 'single' ? response.body.singleResult.errors : undefined) ?? [];
          for (const e of sent) metrics.errors.inc({ code: codeLabel(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) });
          metrics.latency.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
