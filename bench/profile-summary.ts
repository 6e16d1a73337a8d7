/**
 * node scripts/run.js bench/profile-summary.js <file.cpuprofile> [top=30]
 * Prints self time by function and by file, and inclusive time by function, of a V8 CPU profile
 * (from `node --cpu-prof` or bench/profiled-api).
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
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
}

const short = (url: string) =>
  url.replace(/^.*\/(dist|node_modules)\//, '$1/').replace(/^file:\/\//, '');
const keyOf = (cf: CallFrame) =>
  `${cf.functionName || '(anonymous)'} ${short(cf.url)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;

export function summarize(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeOf = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  let total = 0;
  const self = new Map<string, number>();
  const file = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of timeOf) {
    total += us;
    const cf = byId.get(id)!.callFrame;
    self.set(keyOf(cf), (self.get(keyOf(cf)) ?? 0) + us);
    const f = cf.url ? short(cf.url) : `(${cf.functionName})`;
    file.set(f, (file.get(f) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const lines: string[] = [];
  const show = (title: string, m: Map<string, number>) => {
    lines.push(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, us]) =>
        lines.push(
          `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
        ),
      );
  };
  show('Self time by function', self);
  show('Self time by file', file);
  show('Inclusive time by function', inclusive);
  return lines.join('\n');
}

if (require.main === module || process.argv[1]?.endsWith('run.js')) {
  const [path, top] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node scripts/run.js bench/profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarize(JSON.parse(readFileSync(path, 'utf8')) as Profile, Number(top ?? 30)));
}
