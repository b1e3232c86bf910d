export { createPartnerRateLimit } from './partner-rate-limit';
export { TokenBuckets } from './token-bucket';
