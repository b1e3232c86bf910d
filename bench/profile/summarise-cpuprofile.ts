/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function, by package
 * (node_modules/<pkg>, project folder, or node internals), and inclusive time of selected frames.
 *   node -r @swc-node/register bench/profile/summarise-cpuprofile.ts <file.cpuprofile> [--top 40] [--from-us T]
 * --from-us leaves out samples taken before T (µs on the machine's monotonic clock, the clock V8 stamps
 * profiles with; profile-gateway.ts prints it for the start of the load, so start-up is not counted).
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Buckets a script URL: an npm package, a project folder, node internals, or a V8 pseudo-frame. */
export function bucketOf(url: string, fn: string): string {
  if (!url) return `(${fn || 'anonymous'})`.replace(/^\(\((.*)\)\)$/, '($1)');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const m = /\/work\/(?:main|wt\/[^/]+)\/([^/]+(?:\/[^/]+)?)/.exec(url);
  return m ? `project:${m[1]}` : url;
}

function main(): void {
  const file = process.argv[2];
  const top = Number(process.argv[process.argv.indexOf('--top') + 1] || 40) || 40;
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fromIdx = process.argv.indexOf('--from-us');
  const fromUs = fromIdx > 0 ? Number(process.argv[fromIdx + 1]) : -Infinity;
  const selfUs = new Map<number, number>();
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (at >= fromUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5) + '%';

  const fnSelf = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  const pkgIncl = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'}  ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/(main|wt\/[^/]+)\//, '')}:${f.lineNumber + 1}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
    const b = bucketOf(f.url, f.functionName);
    pkgSelf.set(b, (pkgSelf.get(b) ?? 0) + us);
    // inclusive by bucket: count each bucket once per stack
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)!.callFrame;
      seen.add(bucketOf(cf.url, cf.functionName));
    }
    for (const s of seen) pkgIncl.set(s, (pkgIncl.get(s) ?? 0) + us);
  }
  const print = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n== ${title} ==`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  };
  console.log(`${file}\nsampled ${(total / 1e6).toFixed(1)} s, ${p.samples.length} samples`);
  print('self time by package/folder', pkgSelf, 30);
  print('inclusive time by package/folder (a stack counts once per bucket)', pkgIncl, 30);
  print('self time by function', fnSelf, top);
}

if (require.main === module) main();
