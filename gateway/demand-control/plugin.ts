import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { DemandControlConfig } from './config';
import { readCostDirectives, type CostDirectives } from './cost-directives';
import { CostEstimateError } from './estimate-cost';
import { memoiseCostEstimates } from './cost-estimate-memo';

export const COST_ESTIMATED_TOO_EXPENSIVE = 'COST_ESTIMATED_TOO_EXPENSIVE';
export const COST_QUERY_PARSE_FAILURE = 'COST_QUERY_PARSE_FAILURE';

/** What the plugin reports for each priced operation. */
export interface CostObserver {
  estimated(caller: string, cost: number): void;
  overBudget(caller: string, refused: boolean): void;
}

export interface DemandControlOptions extends DemandControlConfig {
  /** The supergraph SDL now served (the API schema has the cost directives stripped). */
  supergraphSdl(): string | undefined;
  observe?: CostObserver;
}

/** The directives of the last supergraph seen: recomputed only when the supergraph is reloaded. */
function directivesCache(): (sdl: string) => CostDirectives {
  let last: { sdl: string; directives: CostDirectives } | undefined;
  return (sdl) => {
    if (last?.sdl !== sdl) last = { sdl, directives: readCostDirectives(sdl) };
    return last.directives;
  };
}

/**
 * Demand control: prices each operation once it is validated, before the gateway plans or fetches
 * anything (estimate-cost.ts, remembered per document by cost-estimate-memo.ts), against the budget of the caller's kind. `enforce` refuses an operation
 * over budget with COST_ESTIMATED_TOO_EXPENSIVE (HTTP 400); `measure` only counts and logs it. The
 * estimate goes back in `extensions.cost` as `{ estimated, max, mode }`.
 */
export function demandControlPlugin(options: DemandControlOptions): ApolloServerPlugin<GatewayContext> {
  const directivesOf = directivesCache();
  const estimateCost = memoiseCostEstimates();
  return {
    async requestDidStart() {
      if (options.mode === 'off') return;
      let cost: { estimated: number; max: number; mode: string } | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const sdl = options.supergraphSdl();
          if (!sdl || !operation) return;
          const caller = contextValue.identity.kind;
          const max = options.budgets[caller];
          let estimated: number;
          try {
            estimated = estimateCost({
              schema,
              document,
              operation,
              variables: request.variables,
              directives: directivesOf(sdl),
              defaultListSize: options.defaultListSize,
            });
          } catch (err) {
            if (!(err instanceof CostEstimateError)) throw err;
            contextValue.log.warn({ caller, reason: err.message }, 'operation could not be priced');
            if (options.mode !== 'enforce') return;
            throw new GraphQLError(`The operation could not be priced: ${err.message}`, {
              extensions: { code: COST_QUERY_PARSE_FAILURE, http: { status: 400 } },
            });
          }
          cost = { estimated, max, mode: options.mode };
          options.observe?.estimated(caller, estimated);
          if (estimated <= max) return;
          const refused = options.mode === 'enforce';
          options.observe?.overBudget(caller, refused);
          contextValue.log.warn({ caller, estimatedCost: estimated, maxCost: max, refused }, 'operation over its cost budget');
          if (refused) {
            throw new GraphQLError(`The operation's estimated cost ${estimated} is over the limit of ${max} for ${caller} callers`, {
              extensions: { code: COST_ESTIMATED_TOO_EXPENSIVE, cost: { estimated, max }, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (!cost || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
