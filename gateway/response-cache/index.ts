export { publicResponseCachePlugin } from './public-response-cache';
export { createResponseStore } from './response-store';
