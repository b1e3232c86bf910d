/**
 * Applications with idempotency keys under JD faults: 20% errors on every JD method, and on the
 * create 20% errors plus post-commit hangs (filed, answer held past JD_TIMEOUT_MS). A client retries
 * each key with backoff; afterwards JD's data says what was filed. Lost = filed but the client never
 * heard of it; duplicated = more than one application for one key's order line, or a different one
 * than the client heard of.
 */
import { JD_METHODS, formatShanghai } from '../../../jd/protocol';
import { thirdApplyIdFor } from '../../../subgraphs/after-sales/apply/third-apply-id';
import { sandboxSeeder } from '../../../test/support/sandbox-seed';
import { startChaosGraph, type ChaosGraph } from '../graph';
import { latency, leaksIn, pool, send } from '../load';
import type { Scale, ScenarioResult } from '../scenario';

const APPLY = `mutation Apply($input: ApplyForAfterSalesInput!) {
  applyForAfterSales(input: $input) { service { id } userErrors { code } }
}`;
const CUSTOMERS = 10;
const CLIENT_ATTEMPTS = 8;
const JD_TIMEOUT_MS = 1500;
const HANG_MS = 2000;

/** The graph's subgraphs must run with JD_TIMEOUT_MS=1500 (CHAOS_ENV) when one is given. */
export async function appliesUnderFaults(scale: Scale, shared?: ChaosGraph): Promise<ScenarioResult> {
  const keys = scale === 'full' ? 1000 : 30;
  const concurrency = scale === 'full' ? 50 : 15;
  const graph = shared ?? (await startChaosGraph({ env: { JD_TIMEOUT_MS: String(JD_TIMEOUT_MS) } }));
  try {
    const seed = sandboxSeeder(graph.sandbox);
    const shopId = 990;
    seed.shop({ shopId });
    seed.sku({ skuId: '990001', category: 'electronics', priceFen: 19900, shopId });
    const day = 24 * 3600 * 1000;
    const at = (daysAgo: number) => formatShanghai(new Date(Date.now() - daysAgo * day));
    const pins = Array.from({ length: CUSTOMERS }, (_, i) => `chaos_customer_${i}`);
    for (const pin of pins) seed.customer({ pin });
    const base = 880_000_000 + Math.floor(Math.random() * 1000) * 10_000;
    const orders = Array.from({ length: keys }, (_, i) => ({
      orderId: String(base + i),
      pin: pins[i % CUSTOMERS],
      key: `chaos-key-${base + i}`,
    }));
    for (const o of orders)
      seed.order({ orderId: o.orderId, pin: o.pin, lines: [{ skuId: '990001' }], placedAt: at(6), paidAt: at(6), receivedAt: at(3) });
    const tokens = new Map(await Promise.all(pins.map(async (pin) => [pin, await graph.tokenFor(pin)] as const)));

    graph.sandbox.stats.reset();
    graph.sandbox.faults.set({
      '*': { errorRate: 0.2, errorCode: '66' },
      [JD_METHODS.afsApplyCreate]: { errorRate: 0.2, errorCode: '66', hangMs: HANG_MS, hangRate: 0.2 },
    });
    const ms: number[] = [];
    let attempts = 0;
    let leaks = 0;
    const lastErrors = new Map<string, number>();
    const results = await pool(orders.length, concurrency, async (i) => {
      const o = orders[i];
      const input = {
        orderId: o.orderId,
        skuId: '990001',
        quantity: 1,
        type: 'RETURN',
        expectation: 'REFUND',
        description: 'Chaos',
        idempotencyKey: o.key,
      };
      for (let attempt = 0; attempt < CLIENT_ATTEMPTS; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(4000, 250 * 2 ** (attempt - 1))));
        attempts++;
        const answer = await send(graph.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(o.pin)}` },
          body: JSON.stringify({ query: APPLY, variables: { input } }),
          timeoutMs: 15_000,
        });
        ms.push(answer.ms);
        if (leaksIn(answer.body).length) leaks++;
        let last = answer.error ?? `HTTP ${answer.status}`;
        if (answer.status === 200) {
          const parsed = JSON.parse(answer.body) as {
            data?: { applyForAfterSales?: { service: { id: string } | null; userErrors: { code: string }[] } | null };
            errors?: { extensions?: { code?: string; jdCode?: string; jdMethod?: string } }[];
          };
          const payload = parsed.data?.applyForAfterSales;
          if (payload?.service) return { heard: payload.service.id };
          if (payload?.userErrors.length) return { refused: payload.userErrors.map((e) => e.code).join(',') };
          const e = parsed.errors?.[0]?.extensions;
          last = `${e?.code ?? 'no code'}${e?.jdCode ? ` (${e.jdMethod ?? ''} ${e.jdCode})` : ''}`;
        }
        if (attempt === CLIENT_ATTEMPTS - 1) lastErrors.set(last, (lastErrors.get(last) ?? 0) + 1);
      }
      return { gaveUp: true };
    });
    graph.sandbox.faults.set({});
    const creates = graph.sandbox.stats.snapshot().methods[JD_METHODS.afsApplyCreate]?.calls ?? 0;

    let filed = 0;
    let lost = 0;
    let duplicated = 0;
    let gaveUpNothingFiled = 0;
    const refusedCodes = new Map<string, number>();
    orders.forEach((o, i) => {
      const onLine = [...graph.sandbox.data.afsServices.values()].filter((s) => s.orderId === o.orderId);
      const mine = onLine.filter((s) => s.thirdApplyId === thirdApplyIdFor(o.pin, o.key));
      const r = results[i] as { heard?: string; refused?: string; gaveUp?: boolean };
      if (onLine.length > 1 || (r.heard && (mine.length !== 1 || String(mine[0].afsServiceId) !== r.heard))) duplicated++;
      if (mine.length > 0 && !r.heard) lost++;
      if (r.heard) filed++;
      if (r.gaveUp && mine.length === 0) gaveUpNothingFiled++;
      if (r.refused) refusedCodes.set(r.refused, (refusedCodes.get(r.refused) ?? 0) + 1);
    });
    const refused = results.filter((r) => 'refused' in r).length;
    return {
      name: `${keys} applications with idempotency keys under JD faults`,
      fault: `20% JD errors (code 66) on every method; on apply.create 20% errors plus post-commit hangs on 20% of the rest (filed, answer held ${HANG_MS} ms past JD_TIMEOUT_MS=${JD_TIMEOUT_MS})`,
      load: `${keys} keys, one order line each, ${concurrency} clients at once; each key retried up to ${CLIENT_ATTEMPTS} times with backoff (250 ms doubling, at most 4 s) until it hears a service or a refusal`,
      outcomes: {
        keys,
        'filed and heard of': filed,
        refused,
        'gave up (nothing filed)': gaveUpNothingFiled,
        lost,
        duplicated,
        'client attempts': attempts,
        'apply.create calls sent to JD': creates,
        'responses with a leak': leaks,
      },
      latency: latency(ms),
      targets: [
        { label: 'lost = 0', met: lost === 0 },
        { label: 'duplicated = 0', met: duplicated === 0 },
      ],
      notes: [
        ...(refusedCodes.size ? [`Refusals: ${[...refusedCodes].map(([c, n]) => `${c} ×${n}`).join(', ')}.`] : []),
        ...(lastErrors.size ? [`Last answer of the keys that gave up: ${[...lastErrors].map(([c, n]) => `${c} ×${n}`).join(', ')}.`] : []),
      ],
    };
  } finally {
    graph.sandbox.faults.set({});
    if (!shared) await graph.stop();
  }
}
