/**
 * The process roles the image runs, each with its entry point and the configuration loader that entry
 * calls, so a test can ask "which variables does this role read?" of the code itself.
 */
import { ConfigError, type Env } from '../../../config';
import { loadGatewayConfig } from '../../../gateway/config';
import { loadSandboxConfig } from '../../../jd/sandbox';
import { loadAfterSalesConfig } from '../../../subgraphs/after-sales/config';
import { loadExchangeConfig } from '../../../subgraphs/exchange/config';
import { loadOfficesConfig } from '../../../subgraphs/offices/config';
import { loadOrdersConfig } from '../../../subgraphs/orders/config';

export interface Role {
  /** The TypeScript entry point; the image runs its compiled `dist/….js`. */
  entry: string;
  /** The loader the entry calls once at start-up (its name must appear in the entry's source). */
  load: (env: Env) => unknown;
}

export const ROLES = {
  gateway: { entry: 'gateway/index.ts', load: loadGatewayConfig },
  orders: { entry: 'subgraphs/orders/index.ts', load: loadOrdersConfig },
  'after-sales': { entry: 'subgraphs/after-sales/index.ts', load: loadAfterSalesConfig },
  exchange: { entry: 'subgraphs/exchange/index.ts', load: loadExchangeConfig },
  offices: { entry: 'subgraphs/offices/index.ts', load: loadOfficesConfig },
  'jd-sandbox': { entry: 'jd/sandbox/index.ts', load: loadSandboxConfig },
} satisfies Record<string, Role>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];
export const SUBGRAPH_ROLES = ['orders', 'after-sales', 'exchange', 'offices'] as const satisfies readonly RoleName[];

export const isRole = (name: string): name is RoleName => name in ROLES;

/** `node dist/gateway/index.js` for `gateway/index.ts`: what the image runs for a role. */
export const compiledEntry = (role: RoleName) => `dist/${ROLES[role].entry.replace(/\.ts$/, '.js')}`;

/**
 * The variables `role`'s loader reads given `env`, observed through a proxy over the environment (so
 * conditional reads count only when their condition holds, exactly as at start-up). A ConfigError is
 * ignored here: the names read before and while reporting problems are what is asked for.
 */
export function variablesRead(role: RoleName, env: Env): Set<string> {
  const read = new Set<string>();
  const watched = new Proxy(env, {
    get(target, name, receiver) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
  try {
    ROLES[role].load(watched);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
  }
  return read;
}

/** Runs `role`'s loader on `env`: the ConfigError message, or undefined when it would start. */
export function configProblems(role: RoleName, env: Env): string | undefined {
  try {
    ROLES[role].load(env);
    return undefined;
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
}
