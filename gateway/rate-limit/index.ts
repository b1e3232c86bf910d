export { createPartnerRateLimit, rateLimitedError, RATE_LIMITED, type PartnerRateLimit, type PartnerRateLimitOptions } from './partner-rate-limit';
export { TokenBuckets, type TakeResult } from './token-bucket';
