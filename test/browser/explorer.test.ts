import { existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { jwtVerify } from 'jose';
import { SANDBOX_PARTNER_KEY } from '../../config';
import { loadGatewayConfig } from '../../gateway/config';
import { DEMO_CUSTOMER_PIN, loadExamples } from '../../gateway/explorer';
import { ensureExplorerBuilt } from '../../scripts/build-explorer';
import { startExplorerTarget, type ExplorerTarget } from './explorer-target';

// Debian's chromium, headless, with nothing that phones home; .ci/run installs it when missing.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// Without Chromium a developer's run skips with a note; CI must have it, so there the test fails instead.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI !== 'true')
  console.warn(`Skipping the explorer browser test: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const describeBrowser = haveChromium || process.env.CI === 'true' ? describe : describe.skip;

describeBrowser('self-hosted explorer in Chromium', () => {
  let target: ExplorerTarget;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const offsite: string[] = [];
  const pageProblems: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await ensureExplorerBuilt();
    target = await startExplorerTarget();
    userDataDir = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000); // fail with Playwright's message before jest's timeout
    // Any request to another host (CDN fonts, scripts, telemetry) is a failure, whatever it was for.
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) offsite.push(request.url());
    });
    // CSP refusals, and failed loads of the page's own files (a GraphQL error answer is not one).
    page.on('console', (message) => {
      const text = message.text();
      const failedAsset = /Failed to load resource/.test(text) && !message.location().url.endsWith('/graphql');
      if (message.type() === 'error' && (/Content Security Policy/.test(text) || failedAsset))
        pageProblems.push(`${text} ${message.location().url}`);
    });
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    await page.goto(`${target.origin}/explorer`, { waitUntil: 'load' });
    await page.locator('.graphiql-tab').first().waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await target?.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  // GraphiQL titles each tab with its operation's name.
  const tabButton = (operationName: string, active = false) =>
    page.locator(`${active ? '.graphiql-tab-active ' : ''}.graphiql-tab-button`, { hasText: new RegExp(`^${operationName}$`) });
  /** Opens the tab, clicks the run button, and resolves with the gateway's HTTP answer to that operation. */
  const runTab = async (operationName: string) => {
    await tabButton(operationName).click();
    await tabButton(operationName, true).waitFor();
    // GraphiQL omits operationName until it has parsed the tab's document, so match on the document itself.
    const sends = (body: { query?: string } | null) => new RegExp(`\\b(query|mutation) ${operationName}\\b`).test(body?.query ?? '');
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && sends(r.request().postDataJSON()));
    await page.locator('.graphiql-execute-button').click();
    return answered;
  };
  // What the server got, when it can tell (the stub records requests; otherwise trust the browser's side).
  const received = (operationName: string) =>
    target.graphqlRequests?.filter((r) => new RegExp(`\\b(query|mutation) ${operationName}\\b`).test(r.query ?? ''));

  it('opens on examples for customers, mobile and partners', async () => {
    const titles = await page.locator('.graphiql-tab-button').allInnerTexts();
    const examples = loadExamples();
    expect(titles).toEqual(examples.map((e) => e.operationName));
    expect(titles).toEqual(
      expect.arrayContaining([
        'CustomerDashboard',
        'CustomerExchangeQuote',
        'PartnerSupportOffices',
        'PartnerHotlines',
        'PartnerNearestSupportOffice',
      ]),
    );
    if (existsSync(join(ROOT, 'persisted-operations'))) expect(examples.filter((e) => e.group === 'mobile').length).toBeGreaterThan(0);
    expect(await page.locator('.jd-explorer-banner').innerText()).toMatch(/simulated/i);
  });

  it('runs a partner directory query by clicking and shows the result, sent with the demo partner key as JSON', async () => {
    const response = await runTab('PartnerSupportOffices');
    await page
      .locator('.graphiql-response')
      .getByText(target.partnerResultText)
      .waitFor({ timeout: 15_000 })
      .catch(async (err: unknown) => {
        await page.screenshot({ path: join(OUTPUT, 'explorer-failure.png') }); // what the page showed instead
        throw err;
      });

    expect(response.status()).toBe(200);
    const headers = await response.request().allHeaders();
    expect(response.request().method()).toBe('POST');
    expect(headers['content-type']).toMatch(/^application\/json/); // what Apollo's CSRF prevention lets through
    expect(headers['x-api-key']).toBe(SANDBOX_PARTNER_KEY);
    expect(headers.authorization).toBeUndefined();
    const sent = received('PartnerSupportOffices');
    if (sent) expect(sent.map((r) => [r.method, r.headers['x-api-key']])).toEqual([['POST', SANDBOX_PARTNER_KEY]]);

    const shot = join(OUTPUT, 'explorer.png');
    await page.screenshot({ path: shot });
    // The README's picture changes only on request, so ordinary test runs leave the checkout clean.
    const readmeShot = join(ROOT, 'docs', 'explorer.png');
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1' || !existsSync(readmeShot)) copyFileSync(shot, readmeShot);
  }, 30_000);

  it('sends a demo customer token the gateway accepts from the customer dashboard tab', async () => {
    const response = await runTab('CustomerDashboard');
    const headers = await response.request().allHeaders();
    expect(headers['x-api-key']).toBeUndefined();
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? '';
    const { jwt } = loadGatewayConfig({});
    const { payload } = await jwtVerify(token, new TextEncoder().encode(jwt.hs256Secret), { issuer: jwt.issuer, audience: jwt.audience });
    expect(payload.sub).toBe(DEMO_CUSTOMER_PIN);
    const sent = received('CustomerDashboard');
    if (sent) expect(sent.map((r) => r.headers.authorization)).toEqual([headers.authorization]);
  }, 30_000);

  it('opens the schema map from the explorer and draws how orders, services, quotes and offices connect', async () => {
    await page.locator('.jd-explorer-map-link').click();
    await page.waitForURL(`${target.origin}/explorer/map`);
    // Voyager lays the graph out in its worker, then draws one SVG node per type.
    const node = (type: string) => page.locator('#schema-map svg g.node', { hasText: new RegExp(`^\\s*${type}\\b`) });
    await node('Order').first().waitFor({ timeout: 60_000 });
    for (const type of ['Query', 'Order', 'AfterSalesService', 'ExchangeQuote', 'SupportOffice'])
      expect(await node(type).count()).toBeGreaterThan(0);
    const shot = join(OUTPUT, 'schema-map.png');
    await page.screenshot({ path: shot });
    const docsShot = join(ROOT, 'docs', 'schema-map.png');
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1' || !existsSync(docsShot)) copyFileSync(shot, docsShot);
  }, 90_000);

  it('loaded nothing from outside localhost and broke no Content-Security-Policy rule', () => {
    expect(offsite).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});
