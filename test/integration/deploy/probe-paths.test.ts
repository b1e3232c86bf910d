/**
 * The probe paths deploy/k8s gives the kubelet exist: each role's readiness, liveness and startup
 * probe, read from its Deployment, answers 200 on that role running (the whole graph on free ports).
 */
import { renderKustomization } from '../../support/deploy/kustomize';
import type { Deployment, Probe } from '../../support/deploy/pods';
import { SUBGRAPH_ROLES } from '../../support/deploy/roles';
import { startTestStack } from '../../e2e/helpers';
import type { RunningStack } from '../../../stack';

const deployments = renderKustomization('deploy/k8s').objects.filter((o) => o.kind === 'Deployment') as Deployment[];
const probesOf = (role: string): Probe[] => {
  const container = deployments.find((d) => d.metadata.name === role)?.spec.template.spec.containers[0];
  return [container?.readinessProbe, container?.livenessProbe, container?.startupProbe].filter((p): p is Probe => p !== undefined);
};

describe('the Kubernetes probes', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it.each(['gateway', ...SUBGRAPH_ROLES])("%s answers 200 on every path its Deployment's probes ask for", async (role) => {
    const base =
      role === 'gateway' ? stack.urls.gatewayBase : new URL(stack.urls.subgraphs[role as (typeof SUBGRAPH_ROLES)[number]]).origin;
    const paths = probesOf(role).map((p) => p.httpGet?.path);
    expect(paths).toHaveLength(3);
    for (const path of paths) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });

  it('a path that does not exist is not mistaken for one', async () => {
    expect((await fetch(`${stack.urls.gatewayBase}/health/started`)).status).toBe(404);
  });
});
