/** What a pod would see: label selectors evaluated as the API server does, and a container's environment resolved. */
import type { K8sObject } from './kustomize';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** Whether `selector` selects a pod with `labels` (an empty selector selects every pod). */
export function selects(selector: LabelSelector, labels: Record<string, string> = {}): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return key in labels && values.includes(labels[key]);
    if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    return !(key in labels);
  });
  return byLabel && byExpression;
}

interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}

export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } }[];
  envFrom?: unknown[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
  securityContext?: Record<string, unknown>;
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
  tcpSocket?: { port: string | number };
  exec?: { command: string[] };
}

export interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    containers: ContainerSpec[];
    volumes?: { name: string; configMap?: { name: string } }[];
    securityContext?: Record<string, unknown>;
    automountServiceAccountToken?: boolean;
    terminationGracePeriodSeconds?: number;
  };
}

export type Deployment = K8sObject & { spec: { selector: LabelSelector; template: PodTemplate } };

/** Key → value of every ConfigMap `data` and Secret `stringData`/`data` (base64-decoded), by object name. */
export function keyedValues(objects: K8sObject[]): {
  configMaps: Map<string, Record<string, string>>;
  secrets: Map<string, Record<string, string>>;
} {
  const configMaps = new Map<string, Record<string, string>>();
  const secrets = new Map<string, Record<string, string>>();
  for (const o of objects) {
    if (o.kind === 'ConfigMap') configMaps.set(o.metadata.name, { ...(o.data as Record<string, string>) });
    if (o.kind === 'Secret') {
      const decoded = Object.fromEntries(
        Object.entries((o.data as Record<string, string> | undefined) ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
      );
      secrets.set(o.metadata.name, { ...decoded, ...(o.stringData as Record<string, string> | undefined) });
    }
  }
  return { configMaps, secrets };
}

/**
 * The environment a container starts with: the image's ENV, then its `env` entries with ConfigMap and
 * Secret references resolved. A missing required reference is a problem (the pod would not start).
 */
export function containerEnv(
  container: ContainerSpec,
  sources: ReturnType<typeof keyedValues>,
  imageEnv: Record<string, string> = {},
): { env: Record<string, string>; fromSecrets: Set<string>; problems: string[] } {
  const env = { ...imageEnv };
  const fromSecrets = new Set<string>();
  const problems: string[] = container.envFrom ? [`${container.name}: envFrom hides which variables it sets; list them in env`] : [];
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.configMapKeyRef ?? entry.valueFrom?.secretKeyRef;
    if (!ref) {
      env[entry.name] = entry.value ?? '';
      continue;
    }
    const isSecret = entry.valueFrom?.secretKeyRef !== undefined;
    const value = (isSecret ? sources.secrets : sources.configMaps).get(ref.name)?.[ref.key];
    if (value === undefined) {
      if (!ref.optional)
        problems.push(
          `${container.name}: ${entry.name} refers to ${isSecret ? 'Secret' : 'ConfigMap'} ${ref.name} key ${ref.key}, which is not there`,
        );
      continue;
    }
    env[entry.name] = value;
    if (isSecret) fromSecrets.add(entry.name);
  }
  return { env, fromSecrets, problems };
}
