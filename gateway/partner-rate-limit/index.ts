export { createPartnerRateLimit, type PartnerRateLimit, type PartnerRateLimitOptions } from './partner-rate-limit';
export { rateLimitedError, RATE_LIMITED } from './rate-limited-error';
export { TokenBuckets, type TakeResult } from './token-bucket';
