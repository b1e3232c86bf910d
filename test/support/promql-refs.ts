/**
 * What a PromQL expression refers to, read with Prometheus's own grammar (@prometheus-io/lezer-promql),
 * and the check that it refers only to metrics and labels a registry really has.
 */
import { parser } from '@prometheus-io/lezer-promql';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** A metric family as a registry declares it: its name, type and label names. */
export interface Family {
  name: string;
  type: string;
  labels: string[];
}

/** Labels Prometheus adds to every scraped series itself (the target's), valid in any query. */
const TARGET_LABELS = ['job', 'instance'];

/** Grafana's interval variables become a duration the grammar knows. */
const GRAFANA_VARIABLES = /\$__(rate_interval|interval|range)\b/g;

/** Series names a family exposes, with their labels: a histogram's _bucket (with le), _sum and _count. */
export function seriesOf(families: Family[]): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const f of families) {
    const labels = [...f.labels, ...TARGET_LABELS];
    if (f.type === 'histogram') {
      series.set(`${f.name}_bucket`, new Set([...labels, 'le']));
      series.set(`${f.name}_sum`, new Set(labels));
      series.set(`${f.name}_count`, new Set(labels));
    } else if (f.type === 'summary') {
      series.set(f.name, new Set([...labels, 'quantile']));
      series.set(`${f.name}_sum`, new Set(labels));
      series.set(`${f.name}_count`, new Set(labels));
    } else series.set(f.name, new Set(labels));
  }
  return series;
}

function children(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) out.push(c);
  return out;
}

function descendants(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cursor = node.cursor();
  const end = node.to;
  while (cursor.next() && cursor.from < end) if (cursor.name === name) out.push(cursor.node);
  return out;
}

/**
 * Problems of one expression against the series a graph exposes: a syntax error, a metric no registry
 * has, a label matcher or a `by (…)` label the metric does not carry, a legend `{{label}}` none of its
 * metrics carries. Empty when every reference is real.
 */
export function promqlProblems(expr: string, series: Map<string, Set<string>>, legendLabels: string[] = []): string[] {
  const text = expr.replace(GRAFANA_VARIABLES, '5m');
  const tree = parser.parse(text);
  const problems: string[] = [];
  const at = (node: SyntaxNode) => text.slice(node.from, node.to);
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) problems.push(`syntax error at ${n.from}: "${text.slice(Math.max(0, n.from - 10), n.to + 10)}"`);
    },
  });
  const metricOf = (selector: SyntaxNode) => {
    const id = children(selector, 'Identifier')[0];
    return id ? at(id) : undefined;
  };
  const selectors = descendants(tree.topNode, 'VectorSelector');
  if (selectors.length === 0) problems.push('refers to no metric');
  for (const selector of selectors) {
    const metric = metricOf(selector);
    const labels = metric ? series.get(metric) : undefined;
    if (!metric || !labels) {
      problems.push(`unknown metric ${metric ?? at(selector)}`);
      continue;
    }
    for (const name of descendants(selector, 'LabelName').map(at)) if (!labels.has(name)) problems.push(`${metric} has no label "${name}"`);
  }
  for (const aggregate of descendants(tree.topNode, 'AggregateExpr')) {
    const modifier = children(aggregate, 'AggregateModifier')[0];
    if (!modifier || !children(modifier, 'By').length) continue;
    const grouping = descendants(modifier, 'LabelName').map(at);
    for (const selector of descendants(aggregate, 'VectorSelector')) {
      const metric = metricOf(selector);
      const labels = metric ? series.get(metric) : undefined;
      if (!labels) continue;
      for (const name of grouping) if (!labels.has(name)) problems.push(`by (${name}): ${metric} has no label "${name}"`);
    }
  }
  const known = new Set(selectors.flatMap((s) => [...(series.get(metricOf(s) ?? '') ?? [])]));
  for (const name of legendLabels) if (!known.has(name)) problems.push(`legend {{${name}}}: no metric of the query has label "${name}"`);
  return problems;
}
