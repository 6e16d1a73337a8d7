/** The characters and character pairs of a name: Chinese unit names differ by a character or two. */
function grams(name: string): Map<string, number> {
  const chars = [...name];
  const counts = new Map<string, number>();
  const add = (g: string) => counts.set(g, (counts.get(g) ?? 0) + 1);
  chars.forEach(add);
  for (let i = 0; i + 1 < chars.length; i += 1) add(chars[i] + chars[i + 1]);
  return counts;
}

/** Dice similarity of two names over their characters and character pairs (1 = the same). */
export function similarity(a: string, b: string): number {
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Up to `count` known names most like `name`, most alike first; none that share nothing with it. */
export function closestNames(name: string, known: readonly string[], count = 3): string[] {
  return [...new Set(known)]
    .map((candidate) => ({ candidate, score: similarity(name, candidate) }))
    .filter(({ score }) => score > 0.25)
    .sort((a, b) => b.score - a.score || a.candidate.localeCompare(b.candidate, 'zh'))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
