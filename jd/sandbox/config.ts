/** The sandbox process's configuration, read once from the environment and validated. */
import { envReader, readSandboxPort, SANDBOX_JD_CREDENTIALS, type Env } from '../../config';
import { faultConfigSchema } from './control/fault-spec';
import { DEFAULT_SCALE, MIN_SKUS } from './data/generate';
import { SANDBOX_DEFAULT_SEED, type SandboxOptions } from './create-sandbox';

/** Reads JD_SANDBOX_* from `env` into createSandbox options; throws a ConfigError listing every bad value. */
export function loadSandboxConfig(env: Env): Required<Pick<SandboxOptions, 'port' | 'host' | 'seed' | 'scale' | 'credentials' | 'faults'>> {
  const read = envReader(env, 'JD sandbox');
  const config = {
    port: readSandboxPort(read),
    host: read.text('JD_SANDBOX_HOST', '127.0.0.1'),
    seed: read.text('JD_SANDBOX_SEED', SANDBOX_DEFAULT_SEED),
    scale: {
      customers: read.int('JD_SANDBOX_CUSTOMERS', { min: 0, max: 1_000_000, default: DEFAULT_SCALE.customers }),
      ordersPerCustomer: read.int('JD_SANDBOX_ORDERS_PER_CUSTOMER', { min: 0, max: 1000, default: DEFAULT_SCALE.ordersPerCustomer }),
      skus: read.int('JD_SANDBOX_SKUS', {
        min: MIN_SKUS,
        max: 1_000_000,
        default: DEFAULT_SCALE.skus,
        why: { min: 'fewer cannot give two shops 30 bestsellers each and the platform 60' },
      }),
    },
    credentials: {
      appKey: read.text('JD_SANDBOX_APP_KEY', SANDBOX_JD_CREDENTIALS.appKey),
      appSecret: read.text('JD_SANDBOX_APP_SECRET', SANDBOX_JD_CREDENTIALS.appSecret),
      accessToken: read.text('JD_SANDBOX_ACCESS_TOKEN', SANDBOX_JD_CREDENTIALS.accessToken),
    },
    faults: read.json('JD_SANDBOX_FAULTS', faultConfigSchema, 'must be JSON, e.g. {"*":{"latencyMs":50}}') ?? {},
  };
  read.finish();
  return config;
}
