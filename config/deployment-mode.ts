/** The environment as a loader sees it: `process.env`, or a plain object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the data comes from and how careful to be. Real JD data is never treated as development:
 * `production` is `NODE_ENV=production` OR `JD_API_URL` set, so public sandbox defaults, stack traces
 * and demo credentials stay away from real customers whatever NODE_ENV says.
 */
export interface DeploymentMode {
  /** `sandbox`: the embedded JD sandbox's simulated data (JD_API_URL unset or blank); `jd`: real JD. */
  readonly data: 'sandbox' | 'jd';
  /** Refuse public sandbox defaults and hide internal error details. */
  readonly production: boolean;
}

/** Reads JD_API_URL and NODE_ENV (blank counts as unset) into the one deployment mode every part uses. */
export function deploymentMode(env: Env): DeploymentMode {
  const data = (env.JD_API_URL ?? '').trim() === '' ? 'sandbox' : 'jd';
  const production = data === 'jd' || (env.NODE_ENV ?? '').trim() === 'production';
  return { data, production };
}

/** Why `mode` is production, for messages such as "required because …"; undefined in development. */
export function productionReason(mode: DeploymentMode): string | undefined {
  if (mode.data === 'jd') return 'JD_API_URL is set (real JD data)';
  return mode.production ? 'NODE_ENV=production' : undefined;
}
