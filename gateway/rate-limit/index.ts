export { createEdgeRateLimit } from './edge-rate-limit';
