import { createHash } from 'node:crypto';
import { LANDING_CSP, landingPage } from '../../../gateway/landing';

describe('landing page at /', () => {
  const sandbox = landingPage({ sandbox: true, explorerPath: '/explorer', graphqlPath: '/graphql', apolloSandbox: false });

  it('loads nothing: no script, no external URL, no stylesheet link', () => {
    expect(sandbox).not.toMatch(/<script|<link|<img|<iframe|https?:\/\//i);
  });

  it('points to the explorer and labels sandbox data', () => {
    expect(sandbox).toContain('<a class="primary" href="/explorer">Open the explorer</a>');
    expect(sandbox).toContain('<a href="/explorer/map">Open the schema map</a>');
    expect(sandbox).toContain('x-jd-sandbox: simulated');
    expect(sandbox).not.toContain('Apollo Sandbox');
  });

  it('says how to turn the explorer on when it is off, and offers Apollo Sandbox only when enabled', () => {
    const jd = landingPage({ sandbox: false, graphqlPath: '/graphql', apolloSandbox: true });
    expect(jd).not.toContain('href="/explorer"');
    expect(jd).toContain('EXPLORER=true');
    expect(jd).not.toContain('x-jd-sandbox');
    expect(jd).toContain('<a href="/graphql">Apollo Sandbox</a>');
  });

  it('allows exactly its own inline style by hash and nothing else', () => {
    const style = /<style>(.*)<\/style>/.exec(sandbox)?.[1] ?? '';
    expect(style.length).toBeGreaterThan(0);
    expect(LANDING_CSP).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(LANDING_CSP).toMatch(/^default-src 'none';/);
  });
});
