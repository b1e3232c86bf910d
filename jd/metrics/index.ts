/** Public API of jd/metrics: the JD layer's Prometheus registry. */
export { createJdMetrics, type JdMetrics } from './jd-metrics';
