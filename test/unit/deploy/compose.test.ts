/**
 * deploy/compose.yaml and its HAProxy config, checked without Docker: every graph service runs its
 * role's package.json serve script from the one image, is given only variables its role reads (and
 * its role accepts them), finds its peers by service name and port, and the proxy spreads one port
 * over every gateway replica, health-checked where the gateway reports readiness.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readDockerfile } from '../../support/deploy/dockerfile';
import { REPO_ROOT } from '../../support/deploy/kustomize';
import { configProblems, isRole, ROLE_NAMES, variablesRead, type RoleName } from '../../support/deploy/roles';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: string[];
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(join(REPO_ROOT, 'deploy/compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const haproxy = readFileSync(join(REPO_ROOT, 'deploy/haproxy.cfg'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const imageEnv = readDockerfile().stages.at(-1)?.env ?? {};
const services = compose.services;
const graphServices = Object.entries(services).filter(([, s]) => s.image === 'jd-support-graph:local');
const envOf = (name: string) => ({ ...imageEnv, ...services[name].environment });
/** The port a role listens on, as its own configuration reads it. */
const portOf = (name: string) => {
  const env = envOf(name);
  return Object.entries(env).find(([k]) => k.endsWith('_PORT'))?.[1];
};

describe('deploy/compose.yaml', () => {
  it('runs every role from the one image built by deploy/Dockerfile, each with its package.json serve script', () => {
    expect(graphServices.map(([name]) => name).sort()).toEqual([...ROLE_NAMES].sort());
    for (const [name, service] of graphServices) {
      expect([name, service.build]).toEqual([name, { context: '..', dockerfile: 'deploy/Dockerfile' }]);
      expect([name, ['node', ...(service.command ?? [])].join(' ')]).toEqual([name, scripts[`serve:${name}`]]);
    }
  });

  it('gives each service only variables its role reads, and its role accepts them', () => {
    for (const [name] of graphServices) {
      if (!isRole(name)) throw new Error(`${name} is not a role`);
      const env = envOf(name);
      const read = variablesRead(name, env);
      expect([name, Object.keys(services[name].environment ?? {}).filter((v) => !read.has(v))]).toEqual([name, []]);
      expect([name, configProblems(name, env)]).toEqual([name, undefined]);
    }
  });

  it('wires every service to its peers by service name and the port that peer listens on', () => {
    const gateway = envOf('gateway');
    for (const subgraph of ['orders', 'after-sales', 'exchange', 'offices']) {
      const variable = `SUBGRAPH_URL_${subgraph.toUpperCase().replace('-', '_')}`;
      expect([variable, gateway[variable]]).toEqual([variable, `http://${subgraph}:${portOf(subgraph)}/graphql`]);
    }
    for (const name of ['orders', 'after-sales', 'exchange'] as RoleName[]) {
      expect([name, envOf(name).JD_SANDBOX_URL]).toEqual([name, `http://jd-sandbox:${portOf('jd-sandbox')}/routerjson`]);
      expect([name, envOf(name).REDIS_URL]).toEqual([name, 'redis://redis:6379']);
    }
    expect(gateway.REDIS_URL).toBe('redis://redis:6379');
    for (const [name, service] of Object.entries(services))
      for (const dependency of service.depends_on ?? []) expect([name, dependency in services]).toEqual([name, true]);
  });

  it('health-checks each graph service at its own /health/ready (the sandbox by its port)', () => {
    for (const [name, service] of graphServices) {
      const check = service.healthcheck?.test.join(' ') ?? '';
      const expected = name === 'jd-sandbox' ? `connect(${portOf(name)}, '127.0.0.1')` : `http://127.0.0.1:${portOf(name)}/health/ready`;
      expect([name, check.includes(expected)]).toEqual([name, true]);
    }
  });

  it('puts two gateway replicas behind one published port; nothing else is published', () => {
    expect(services.gateway.deploy?.replicas).toBeGreaterThanOrEqual(2);
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name, s]) => [name, s.ports])).toEqual([['proxy', [`127.0.0.1:4000:4000`]]]);
    expect(services.proxy.image).toMatch(/^haproxy:\d/);
    expect(services.proxy.volumes).toEqual(['./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
    expect(haproxy).toMatch(new RegExp(`^\\s*server-template \\S+ \\S+ gateway:${portOf('gateway')} check .*resolvers docker`, 'm'));
    expect(haproxy).toMatch(/^\s*option httpchk GET \/health\/ready$/m);
    expect(haproxy).toMatch(/^\s*bind :4000$/m);
    // Only a failed connection is retried elsewhere: a request a replica received is never sent twice.
    expect(haproxy).toMatch(/^\s*retry-on conn-failure$/m);
  });
});
