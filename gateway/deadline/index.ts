export { requestLifetime } from './request-lifetime';
