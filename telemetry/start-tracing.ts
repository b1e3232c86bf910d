import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

type Env = Record<string, string | undefined>;

/**
 * The standard OTEL_* variables that switch tracing on. Everything else (OTEL_SERVICE_NAME,
 * OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_EXPORTER_OTLP_HEADERS,
 * OTEL_RESOURCE_ATTRIBUTES, OTEL_PROPAGATORS, …) is read by the OpenTelemetry SDK itself.
 */
const SWITCHES = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_TRACES_EXPORTER'] as const;

/**
 * Tracing is on when an exporter is configured (an OTLP endpoint, or OTEL_TRACES_EXPORTER other than
 * `none`) and OTEL_SDK_DISABLED is not `true`. Off, no SDK is loaded into the API: every span the code
 * starts is the API's non-recording no-op, so tracing costs nothing measurable (bench/results/graph-tracing.md).
 */
export function tracingEnabled(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER?.split(',').every((name) => ['', 'none'].includes(name.trim()))) return false;
  return SWITCHES.some((name) => (env[name]?.trim() ?? '') !== '');
}

export interface Tracing {
  readonly enabled: boolean;
  /** Flushes spans still buffered and stops exporting; call on shutdown. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** service.name when OTEL_SERVICE_NAME is not set, e.g. "jd-gateway". */
  serviceName: string;
  env?: Env;
  /** Tests: export into these processors (e.g. an in-memory exporter) instead of what OTEL_* asks for; forces tracing on. */
  spanProcessors?: SpanProcessor[];
}

const OFF: Tracing = { enabled: false, shutdown: async () => undefined };

/**
 * Starts the OpenTelemetry Node SDK for this process when the OTEL_* variables ask for it: a global
 * tracer provider (sampler, exporter and resource from the environment), W3C trace-context propagation
 * and the async-hooks context manager. Only traces: metrics stay on Prometheus /metrics and logs on
 * stdout, so the SDK's own OTLP metrics and logs pipelines are switched off. No auto-instrumentation:
 * the spans are the project's own (and @apollo/gateway's), so they follow the same rules about what an
 * attribute may carry.
 */
export function startTracing(options: StartTracingOptions): Tracing {
  const env = options.env ?? process.env;
  if (!options.spanProcessors && !tracingEnabled(env)) return OFF;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ? undefined : options.serviceName,
    spanProcessors: options.spanProcessors,
    autoDetectResources: !options.spanProcessors,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { enabled: true, shutdown: () => sdk.shutdown() };
}
