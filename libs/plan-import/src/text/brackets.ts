/**
 * Bracket- and quote-aware scanning. Half- and full-width brackets are treated alike, so a
 * separator inside "区政府办公室(区外办、区侨办)" or "“免申即享”" is never taken as top-level.
 */

const OPENERS = new Set(['(', '（', '[', '【', '《', '“', '‘', '「', '〔']);
const CLOSERS = new Set([')', '）', ']', '】', '》', '”', '’', '」', '〕']);
/** Brackets that may close a task with its units: round ones in either width, and 〔〕. */
const ROUND_OPEN = new Set(['(', '（', '〔']);
const ROUND_CLOSE = new Set([')', '）', '〕']);

/** Nesting depth before each character; a straight '"' toggles a quoted span. */
export function depths(text: string): number[] {
  const out: number[] = new Array<number>(text.length);
  let depth = 0;
  let straightQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (straightQuote) {
        depth = Math.max(0, depth - 1);
        out[i] = depth;
      } else {
        out[i] = depth;
        depth++;
      }
      straightQuote = !straightQuote;
      continue;
    }
    if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    out[i] = depth;
    if (OPENERS.has(ch)) depth++;
  }
  return out;
}

/** Splits on any of `separators` that stands at depth 0. Pieces keep their offsets. */
export function splitTopLevel(
  text: string,
  separators: string,
  keep: (text: string, index: number) => boolean = () => false,
): { text: string; start: number }[] {
  const d = depths(text);
  const pieces: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (d[i] === 0 && separators.includes(text[i]) && !keep(text, i)) {
      pieces.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  pieces.push({ text: text.slice(start), start });
  return pieces;
}

/**
 * The round bracket group that closes `text` (half- or full-width), matched from the end so that
 * brackets nested inside it stay inside: "…(牵头部门:区国资委（区金融办）;配合部门:区财政局)".
 */
export function trailingBracket(text: string): { start: number; inner: string } | undefined {
  const end = text.length - 1;
  if (end < 0 || !ROUND_CLOSE.has(text[end])) return undefined;
  let depth = 0;
  for (let i = end; i >= 0; i--) {
    if (ROUND_CLOSE.has(text[i])) depth++;
    else if (ROUND_OPEN.has(text[i])) {
      depth--;
      if (depth === 0) return { start: i, inner: text.slice(i + 1, end) };
    }
  }
  return undefined;
}

/** Kind of enclosing span at `index`: a quotation, a book title 《》, a bracket, or none. */
export function enclosure(text: string, index: number): 'quote' | 'title' | 'bracket' | undefined {
  const stack: string[] = [];
  let straightQuote = false;
  for (let i = 0; i < index; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (straightQuote) stack.pop();
      else stack.push('“');
      straightQuote = !straightQuote;
    } else if (OPENERS.has(ch)) stack.push(ch);
    else if (CLOSERS.has(ch)) stack.pop();
  }
  if (stack.includes('《')) return 'title';
  if (stack.some((ch) => ch === '“' || ch === '‘' || ch === '「')) return 'quote';
  return stack.length > 0 ? 'bracket' : undefined;
}
