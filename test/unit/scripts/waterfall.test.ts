import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { waterfallHtml, waterfallRows } from '../../../scripts/lib/waterfall';

/** The fields waterfallRows reads, as an exporter hands them over (times as [seconds, nanoseconds]). */
function span(id: string, parent: string | undefined, name: string, startMs: number, durationMs: number, attributes = {}): ReadableSpan {
  const hr = (ms: number): [number, number] => [Math.floor(ms / 1000), (ms % 1000) * 1e6];
  return {
    name,
    attributes,
    startTime: hr(1_000_000 + startMs),
    duration: hr(durationMs),
    spanContext: () => ({ traceId: 't', spanId: id, traceFlags: 1 }),
    parentSpanContext: parent ? { traceId: 't', spanId: parent, traceFlags: 1 } : undefined,
  } as unknown as ReadableSpan;
}

describe('trace waterfall', () => {
  const spans = [
    span('c2', 'b', 'jd.call late', 30, 5, { 'jd.batch.keys': 5 }),
    span('a', 'remote-parent', 'query Dashboard', 0, 100, { 'jd.caller.kind': 'customer' }),
    span('b', 'a', 'subgraph orders', 10, 50),
    span('c1', 'b', 'jd.call early', 20, 5),
  ];

  it('puts parents before children, siblings by start, offsets from the first span', () => {
    expect(waterfallRows(spans).map((r) => [r.name, r.depth, r.startMs, r.durationMs])).toEqual([
      ['query Dashboard', 0, 0, 100],
      ['subgraph orders', 1, 10, 50],
      ['jd.call early', 2, 20, 5],
      ['jd.call late', 2, 30, 5],
    ]);
    expect(waterfallRows(spans).map((r) => r.detail)).toEqual(['caller.kind=customer', '', '', 'batch.keys=5']);
  });

  it('draws a page with no script and escapes names', () => {
    const html = waterfallHtml('<t>', waterfallRows([span('x', undefined, 'a<b', 0, 1)]));
    expect(html).toContain('a&lt;b');
    expect(html).toContain('&lt;t&gt;');
    expect(html).not.toMatch(/<script|https?:/);
  });
});
