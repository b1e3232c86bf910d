/** Public API of jd/metrics: the JD layer's Prometheus registry. */
export { createJdMetrics, type JdMetrics, type JdMetricsOptions } from './jd-metrics';
