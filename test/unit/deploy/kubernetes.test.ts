/**
 * deploy/k8s, checked offline (no cluster here): every object validates against the Kubernetes schemas
 * (kubernetes-models), the pieces fit together as the API server and kubelet would need (selectors,
 * ports, probes, references), every variable a container gets is one its role reads, and with real
 * secrets in place every role's configuration is accepted while the committed placeholders are refused.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Deployment as DeploymentModel } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { envReader, readShutdownSettings, SHUTDOWN_CLOSE_ROOM_MS } from '../../../config';
import { loadGatewayConfig } from '../../../gateway/config';
import { readDockerfile } from '../../support/deploy/dockerfile';
import { REPO_ROOT, renderKustomization, type K8sObject } from '../../support/deploy/kustomize';
import { containerEnv, keyedValues, selects, type Deployment, type LabelSelector } from '../../support/deploy/pods';
import {
  compiledEntry,
  configProblems,
  isRole,
  ROLE_NAMES,
  SUBGRAPH_ROLES,
  variablesRead,
  type RoleName,
} from '../../support/deploy/roles';

type ModelClass = new (data: object) => { validate(): void };
const MODELS: Record<string, ModelClass> = {
  'apps/v1/Deployment': DeploymentModel,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

const K8S_DIR = 'deploy/k8s';
const rendered = renderKustomization(K8S_DIR);
const objects = rendered.objects;
const image = readDockerfile().stages.at(-1);
const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const sources = keyedValues(objects);

const ofKind = <T extends K8sObject = K8sObject>(kind: string) => objects.filter((o) => o.kind === kind) as T[];
const deployments = ofKind<Deployment>('Deployment');
const component = (d: Deployment) => d.spec.template.metadata.labels['app.kubernetes.io/component'];
const roleDeployments = deployments.filter((d) => isRole(component(d)));
const graphContainer = (d: Deployment) => d.spec.template.spec.containers[0];
const spec = <T>(o: K8sObject) => (o as unknown as { spec: T }).spec;
const id = (o: K8sObject) => `${o.kind} ${o.metadata.name} (${o.source})`;

/** A container's environment as its role would read it: placeholders swapped for values a production check accepts. */
function envOf(d: Deployment, overrides: Record<string, string> = {}) {
  const resolved = containerEnv(graphContainer(d), sources, image?.env);
  const env = { ...resolved.env, ...overrides };
  for (const name of resolved.fromSecrets) if (env[name].startsWith('change-me')) env[name] = randomBytes(36).toString('base64url');
  return { ...resolved, env, committed: { ...resolved.env, ...overrides } };
}

describe('deploy/k8s', () => {
  it('the kustomization lists every file in its folder and names only files that exist', () => {
    expect(rendered.problems).toEqual([]);
    const inFolder = readdirSync(join(REPO_ROOT, K8S_DIR))
      .filter((name) => name !== 'kustomization.yaml')
      .map((name) => `${K8S_DIR}/${name}`);
    expect(rendered.files.filter((f) => f.startsWith(`${K8S_DIR}/`)).sort()).toEqual(inFolder.sort());
    expect(rendered.files).toContain('schema/supergraph.graphql');
  });

  it.each(objects.map((o) => [id(o), o] as const))('%s validates against the Kubernetes schemas', (_name, object) => {
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    expect(Model ? 'known' : `no schema registered for ${object.apiVersion} ${object.kind}`).toBe('known');
    const { source: _source, ...data } = object;
    expect(() => new Model(data).validate()).not.toThrow();
  });

  it('the schema check can fail', () => {
    const broken = { ...roleDeployments[0], source: undefined };
    const { source: _s, ...data } = broken;
    const bad = JSON.parse(JSON.stringify(data)) as Deployment;
    (graphContainer(bad).ports as unknown as { containerPort: string }[])[0].containerPort = 'http';
    expect(() => new DeploymentModel(bad as object).validate()).toThrow(/containerPort/);
  });

  it('runs every role: a Deployment and a Service each, and an autoscaler and a disruption budget for the gateway and each subgraph', () => {
    expect(roleDeployments.map(component).sort()).toEqual([...ROLE_NAMES].sort());
    const serviceSelects = (role: string) =>
      ofKind('Service').some((s) =>
        selects(
          { matchLabels: spec<{ selector: Record<string, string> }>(s).selector },
          { 'app.kubernetes.io/name': 'jd-support-graph', 'app.kubernetes.io/component': role },
        ),
      );
    for (const role of ROLE_NAMES) expect([role, serviceSelects(role)]).toEqual([role, true]);
    for (const role of ['gateway', ...SUBGRAPH_ROLES]) {
      const hpa = ofKind('HorizontalPodAutoscaler').find((h) => spec<{ scaleTargetRef: { name: string } }>(h).scaleTargetRef.name === role);
      expect([role, spec<{ minReplicas: number }>(hpa as K8sObject)?.minReplicas]).toEqual([role, 2]);
      const deployment = deployments.find((d) => d.metadata.name === role) as Deployment;
      const pdbs = ofKind('PodDisruptionBudget').filter((p) =>
        selects(spec<{ selector: LabelSelector }>(p).selector, deployment.spec.template.metadata.labels),
      );
      expect([role, pdbs.length]).toEqual([role, 1]);
      // The autoscaler owns the replica count; a replicas field would reset it on every apply.
      expect([role, (deployment.spec as { replicas?: number }).replicas]).toEqual([role, undefined]);
    }
  });

  it("each Deployment selects its own pods only, and each Service's target port is a port its pods expose", () => {
    for (const d of deployments) {
      expect([d.metadata.name, selects(d.spec.selector, d.spec.template.metadata.labels)]).toEqual([d.metadata.name, true]);
      const others = deployments.filter((o) => o !== d && selects(d.spec.selector, o.spec.template.metadata.labels));
      expect([d.metadata.name, others.map((o) => o.metadata.name)]).toEqual([d.metadata.name, []]);
    }
    for (const s of ofKind('Service')) {
      const { selector, ports } = spec<{ selector: Record<string, string>; ports: { port: number; targetPort: string | number }[] }>(s);
      const backends = deployments.filter((d) => selects({ matchLabels: selector }, d.spec.template.metadata.labels));
      expect([s.metadata.name, backends.length]).toEqual([s.metadata.name, 1]);
      const exposed = backends[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []);
      for (const { targetPort } of ports)
        expect([s.metadata.name, exposed.some((p) => p.name === targetPort || p.containerPort === targetPort)]).toEqual([
          s.metadata.name,
          true,
        ]);
    }
  });

  it('probes readiness at /health/ready and liveness at /health/live on every graph role, on a port the container exposes', () => {
    for (const d of roleDeployments.filter((r) => component(r) !== 'jd-sandbox')) {
      const c = graphContainer(d);
      const names = (c.ports ?? []).map((p) => p.name);
      expect([d.metadata.name, c.readinessProbe?.httpGet?.path, c.livenessProbe?.httpGet?.path]).toEqual([
        d.metadata.name,
        '/health/ready',
        '/health/live',
      ]);
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) expect(names).toContain(probe?.httpGet?.port);
    }
  });

  it("runs each role's package.json serve script in the one image", () => {
    const graphImages = new Set(roleDeployments.map((d) => graphContainer(d).image));
    expect([...graphImages]).toEqual(['jd-support-graph']);
    expect(rendered.images.map((i) => i.name)).toEqual(['jd-support-graph']);
    for (const d of roleDeployments) {
      const c = graphContainer(d);
      const command = [...(c.command ?? image?.entrypoint ?? []), ...(c.args ?? image?.cmd ?? [])].join(' ');
      const role = component(d) as RoleName;
      expect([role, command]).toEqual([role, scripts[`serve:${role}`]]);
      expect(command).toBe(`node ${compiledEntry(role)}`);
    }
  });

  it('every container requests CPU and memory and caps memory; no pod runs as root, escalates or mounts an API token', () => {
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect([d.metadata.name, pod.securityContext?.runAsNonRoot, pod.automountServiceAccountToken]).toEqual([
        d.metadata.name,
        true,
        false,
      ]);
      for (const c of pod.containers) {
        expect([c.name, Object.keys(c.resources?.requests ?? {}).sort(), Object.keys(c.resources?.limits ?? {})]).toEqual([
          c.name,
          ['cpu', 'memory'],
          ['memory'],
        ]);
        expect([c.name, c.securityContext]).toEqual([
          c.name,
          expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }),
        ]);
      }
    }
  });

  it('secrets hold placeholders only, and every reference names a key that is there', () => {
    const safe = new Set(['redis://redis:6379', '[]']);
    for (const [name, values] of sources.secrets)
      for (const [key, value] of Object.entries(values))
        expect([name, key, value.startsWith('change-me') || safe.has(value)]).toEqual([name, key, true]);
    for (const d of deployments) for (const c of d.spec.template.spec.containers) expect(containerEnv(c, sources).problems).toEqual([]);
  });

  it('gives each container only variables its role reads', () => {
    for (const d of roleDeployments) {
      const role = component(d) as RoleName;
      const { env } = envOf(d);
      const given = (graphContainer(d).env ?? []).map((e) => e.name);
      const read = variablesRead(role, env);
      expect([role, given.filter((name) => !read.has(name))]).toEqual([role, []]);
    }
    // The image's own ENV is read by some role.
    const readBySome = new Set(roleDeployments.flatMap((d) => [...variablesRead(component(d) as RoleName, envOf(d).env)]));
    expect(Object.keys(image?.env ?? {}).filter((name) => !readBySome.has(name))).toEqual([]);
  });

  it('starts every role with real secrets in place, and refuses the committed placeholders in production', () => {
    for (const d of roleDeployments) {
      const role = component(d) as RoleName;
      const { env, committed } = envOf(d);
      expect([role, configProblems(role, env)]).toEqual([role, undefined]);
      if (role !== 'jd-sandbox')
        expect([role, configProblems(role, committed)]).toEqual([
          role,
          expect.stringMatching(/SUBGRAPH_SIGNING_SECRET: must be at least 32 characters because NODE_ENV=production/),
        ]);
    }
  });

  it('starts every role on real JD with the settings docs/production.md gives (JD_API_URL set, JD_SANDBOX_URL empty)', () => {
    const production = { JD_API_URL: 'https://api.jd.com/routerjson', JD_SANDBOX_URL: '' };
    for (const d of roleDeployments.filter((r) => component(r) !== 'jd-sandbox')) {
      const role = component(d) as RoleName;
      expect([role, configProblems(role, envOf(d, production).env)]).toEqual([role, undefined]);
    }
    const gateway = deployments.find((d) => d.metadata.name === 'gateway') as Deployment;
    expect(loadGatewayConfig(envOf(gateway, production).env).deployment).toEqual({ data: 'jd', production: true });
  });

  it("waits for the endpoints, drains and closes within each pod's grace period (SIGKILL never cuts a drain)", () => {
    for (const d of roleDeployments.filter((r) => component(r) !== 'jd-sandbox')) {
      const shutdown = readShutdownSettings(envReader(envOf(d).env, component(d)));
      const grace = (d.spec.template.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds ?? 30;
      // Kubernetes takes the pod out of its endpoints at once, but the news takes seconds to reach every proxy.
      expect(shutdown.readinessDelayMs).toBeGreaterThanOrEqual(3000);
      expect(shutdown.readinessDelayMs + shutdown.drainMs + SHUTDOWN_CLOSE_ROOM_MS).toBeLessThanOrEqual(grace * 1000);
    }
  });

  it('mounts the supergraph ConfigMap as a folder (so the kubelet can swap it in) where SUPERGRAPH_PATH points', () => {
    expect(rendered.generated.get('supergraph')).toEqual({ hashSuffix: false }); // the name stays: pods keep the mount, no restart
    const data = sources.configMaps.get('supergraph') as Record<string, string>;
    expect(data['supergraph.graphql']).toBe(readFileSync(join(REPO_ROOT, 'schema/supergraph.graphql'), 'utf8'));
    expect(Buffer.byteLength(data['supergraph.graphql'])).toBeLessThan(1024 * 1024); // a ConfigMap's limit
    const gateway = deployments.find((d) => d.metadata.name === 'gateway') as Deployment;
    const volume = gateway.spec.template.spec.volumes?.find((v) => v.configMap?.name === 'supergraph');
    const mount = graphContainer(gateway).volumeMounts?.find((m) => m.name === volume?.name);
    expect(mount?.subPath).toBeUndefined();
    expect(dirname(loadGatewayConfig(envOf(gateway).env).supergraphPath)).toBe(mount?.mountPath);
  });

  it('lets only gateway pods reach the subgraphs', () => {
    const pods = roleDeployments.map((d) => d.spec.template.metadata.labels);
    const guarding = (labels: Record<string, string>) =>
      ofKind('NetworkPolicy').filter((p) => selects(spec<{ podSelector: LabelSelector }>(p).podSelector, labels));
    for (const role of SUBGRAPH_ROLES) {
      const labels = pods.find((l) => l['app.kubernetes.io/component'] === role) as Record<string, string>;
      const policies = guarding(labels);
      expect([role, policies.length]).toEqual([role, 1]);
      const { ingress, policyTypes } = spec<{ ingress: { from: { podSelector: LabelSelector }[] }[]; policyTypes: string[] }>(policies[0]);
      expect(policyTypes).toContain('Ingress');
      const admitted = pods.filter((l) => ingress.some((rule) => rule.from.some((peer) => selects(peer.podSelector, l))));
      expect([role, admitted.map((l) => l['app.kubernetes.io/component'])]).toEqual([role, ['gateway']]);
    }
    expect(guarding(pods.find((l) => l['app.kubernetes.io/component'] === 'gateway') as Record<string, string>)).toEqual([]);
  });
});
