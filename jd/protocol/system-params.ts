/** JOS router system parameters, as JD Open Platform's request rules define them. */
export const JD_SIGN_METHODS = ['md5', 'hmacmd5', 'hmacsha256'] as const;
export type JdSignMethod = (typeof JD_SIGN_METHODS)[number];

export const JD_API_VERSION = '2.0';
export const JD_PARAM_JSON = '360buy_param_json';

/** The system parameters of every router call (signed together with `360buy_param_json`). */
export interface JdSystemParams {
  method: string;
  app_key: string;
  access_token: string;
  /** Asia/Shanghai, `yyyy-MM-dd HH:mm:ss.SSS+0800` (new SDKs) or `yyyy-MM-dd HH:mm:ss` (old). */
  timestamp: string;
  v: string;
  sign_method?: JdSignMethod;
}

/** The server tolerates this much clock skew either way. */
export const JD_TIMESTAMP_SKEW_MS = 6 * 60 * 1000;
