import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One row of a trace waterfall: a span at its depth, offset and length in ms from the trace's start. */
export interface WaterfallRow {
  name: string;
  depth: number;
  startMs: number;
  durationMs: number;
  /** The attributes worth reading at a glance (counts, codes, names). */
  detail: string;
}

const ms = (t: [number, number]) => t[0] * 1e3 + t[1] / 1e6;

/** Attributes shown beside a span, in this order, when present. */
const SHOWN = [
  'graphql.client.name',
  'jd.caller.kind',
  'graphql.operation.name',
  'jd.keys',
  'jd.cache.hits',
  'jd.cache.misses',
  'jd.inflight.joined',
  'jd.batch.keys',
  'jd.attempts',
  'jd.error.code',
  'graphql.error.codes',
  'http.response.status_code',
];

/** The spans of one trace as rows, parents before children and siblings by start time. */
export function waterfallRows(spans: readonly ReadableSpan[]): WaterfallRow[] {
  if (spans.length === 0) return [];
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  for (const s of spans) {
    const parent = s.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), s]);
  }
  const t0 = Math.min(...spans.map((s) => ms(s.startTime)));
  const rows: WaterfallRow[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    for (const s of (byParent.get(parent) ?? []).sort((a, b) => ms(a.startTime) - ms(b.startTime))) {
      const detail = SHOWN.filter((k) => s.attributes[k] !== undefined)
        .map((k) => `${k.replace(/^(jd|graphql|http)\./, '')}=${String(s.attributes[k])}`)
        .join(' ');
      rows.push({ name: s.name, depth, startMs: ms(s.startTime) - t0, durationMs: ms(s.duration), detail });
      visit(s.spanContext().spanId, depth + 1);
    }
  };
  visit(undefined, 0);
  return rows;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** Colour by layer: the gateway, a subgraph, the JD layer, Apollo's phases. */
function colour(name: string): string {
  if (name.startsWith('jd.')) return '#e8710a';
  if (name.startsWith('subgraph')) return '#1e8e3e';
  if (name.startsWith('gateway.') || name.startsWith('graphql.')) return '#7b61c4';
  return '#1a73e8';
}

/** A self-contained HTML page (no script, no outside request) drawing `rows` as a waterfall. */
export function waterfallHtml(title: string, rows: readonly WaterfallRow[]): string {
  const total = Math.max(...rows.map((r) => r.startMs + r.durationMs), 1);
  const body = rows
    .map((r) => {
      const left = (r.startMs / total) * 100;
      const width = Math.max((r.durationMs / total) * 100, 0.3);
      return `<tr><td class="name" style="padding-left:${8 + r.depth * 14}px">${escape(r.name)}</td>
<td class="bar"><div style="margin-left:${left.toFixed(2)}%;width:${width.toFixed(2)}%;background:${colour(r.name)}"></div></td>
<td class="ms">${r.durationMs.toFixed(1)} ms</td><td class="detail">${escape(r.detail)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>
body{font:12px/1.3 system-ui,sans-serif;margin:16px;color:#202124}h1{font-size:15px;margin:0 0 8px}
table{border-collapse:collapse;width:100%}td{padding:2px 6px;border-bottom:1px solid #eee;white-space:nowrap}
td.name{font-family:ui-monospace,monospace;width:1%}td.bar{width:45%}td.bar div{height:11px;border-radius:2px}
td.ms{text-align:right;width:1%;font-variant-numeric:tabular-nums}td.detail{color:#5f6368;font-family:ui-monospace,monospace;font-size:11px}
</style></head><body><h1>${escape(title)}</h1><table>
${body}
</table></body></html>`;
}
