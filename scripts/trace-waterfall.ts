/**
 * `npm run trace:waterfall`: one real trace, drawn. Starts the whole graph on free ports with the
 * OpenTelemetry SDK exporting into memory, sends one cold customer dashboard
 * (gateway/explorer/examples/customer/01-dashboard.graphql as jd_demo_alice), renders the exported spans
 * as a waterfall page (scripts/lib/waterfall.ts) and screenshots it with Debian's Chromium into
 * docs/trace-waterfall.png. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { chromium } from 'playwright-core';
import { disableApolloTelemetry } from '../gateway/apollo-telemetry';
import { issueCustomerToken } from '../gateway/auth';
import { createLogger } from '../gateway/logger';
import { readExample } from '../bench/graph/queries';
import { DEMO_PINS } from '../jd/sandbox';
import { startStack } from '../stack';
import { startTracing } from '../telemetry';
import { waterfallHtml, waterfallRows } from './lib/waterfall';

const OUT = join(__dirname, '..', 'docs', 'trace-waterfall.png');
const FREE = { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 };

async function main(): Promise<void> {
  disableApolloTelemetry();
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({ serviceName: 'jd-support-graph', spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const stack = await startStack({ NODE_ENV: 'development' }, { ports: FREE, logger: createLogger('silent') });
  try {
    const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
    const example = readExample('customer/01-dashboard.graphql');
    const send = () =>
      fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'apollographql-client-name': 'support-web' },
        body: JSON.stringify({ query: example.query, operationName: example.operationName, variables: example.variables }),
      });
    // Load the supergraph and open connections with a request that touches no JD data; record only the dashboard.
    await fetch(`${stack.urls.gateway}?query=${encodeURIComponent('{ hotlines { number } }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    await new Promise((r) => setTimeout(r, 100));
    exporter.reset();
    const response = await send();
    const body = (await response.json()) as { errors?: unknown };
    if (response.status !== 200 || body.errors) throw new Error(`dashboard failed: ${JSON.stringify(body).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 300)); // the subgraphs' spans end as their responses close
    const rows = waterfallRows(exporter.getFinishedSpans());
    const html = waterfallHtml(`One cold customer dashboard (${example.operationName}) — ${rows.length} spans, one trace`, rows);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 400 }, deviceScaleFactor: 1 });
      await page.route('**/*', (route) => route.abort()); // the page is self-contained: nothing may load
      await page.setContent(html);
      writeFileSync(OUT, await page.screenshot({ fullPage: true }));
    } finally {
      await browser.close();
    }
    process.stdout.write(`${rows.length} spans → ${OUT}\n`);
  } finally {
    await stack.stop();
    await tracing.shutdown();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
