import type { EnvReader } from '../../config';
import type { Identity } from '../auth';

/** `measure`: price, count and log, refuse nothing. `enforce`: also refuse over budget. `off`: do not price. */
export type DemandControlMode = 'off' | 'measure' | 'enforce';
const MODES = ['off', 'measure', 'enforce'] as const;

export type CallerKind = Identity['kind'];

/** Demand-control settings (README "Demand control", docs/operations.md). */
export interface DemandControlConfig {
  mode: DemandControlMode;
  /** Elements assumed for a list field without `@listSize` (DEMAND_CONTROL_LIST_SIZE). */
  defaultListSize: number;
  /** The most an operation may cost, per kind of caller. */
  budgets: Record<CallerKind, number>;
}

/**
 * Default budgets, set from what the known clients send (test/unit/gateway/demand-control-budgets.test.ts):
 * anonymous callers read the public directory (32 to 66); partners do the same at volume, with room for
 * wider directory queries; a customer's dashboard of 10 orders costs about 2,700 and the mobile order list
 * of 100 about 2,400, while 1,000 aliased `order(id)` cost 5,000.
 */
export const DEFAULT_BUDGETS: Readonly<Record<CallerKind, number>> = Object.freeze({ anonymous: 300, partner: 1_000, customer: 4_000 });
export const DEFAULT_LIST_SIZE = 10;

const BUDGET_VARIABLES: Record<CallerKind, string> = {
  anonymous: 'DEMAND_CONTROL_MAX_COST_ANONYMOUS',
  partner: 'DEMAND_CONTROL_MAX_COST_PARTNER',
  customer: 'DEMAND_CONTROL_MAX_COST_CUSTOMER',
};

/** Reads the demand-control settings into the gateway's reader (so every problem is reported together). */
export function readDemandControl(read: EnvReader): DemandControlConfig {
  const budget = (kind: CallerKind) =>
    read.int(BUDGET_VARIABLES[kind], { min: 1, max: 10_000_000, default: DEFAULT_BUDGETS[kind], unit: 'cost units' });
  return {
    mode: read.oneOf('DEMAND_CONTROL_MODE', MODES, 'enforce'),
    defaultListSize: read.int('DEMAND_CONTROL_LIST_SIZE', { min: 1, max: 10_000, default: DEFAULT_LIST_SIZE, unit: 'elements' }),
    budgets: { anonymous: budget('anonymous'), partner: budget('partner'), customer: budget('customer') },
  };
}
