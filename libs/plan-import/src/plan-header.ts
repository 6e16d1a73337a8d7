import { toAsciiDigits } from './text/numbers';

const DOC_KIND = '(工作方案|实施方案|行动方案|工作要点|行动计划|工作计划)';

/**
 * The plan year: "制定2024年度工作方案" first, then any "2024年度", then the first year of the
 * preamble. Undefined when the text names none.
 */
export function inferYear(text: string, preamble: string): number | undefined {
  const ascii = toAsciiDigits(text);
  const m =
    new RegExp(`制定(\\d{4})年度?\\S*?${DOC_KIND}`).exec(ascii) ??
    /(\d{4})\s*年度/.exec(ascii) ??
    /((?:19|20)\d{2})\s*年/.exec(toAsciiDigits(preamble));
  return m ? Number(m[1]) : undefined;
}

/**
 * A title for the plan, in this order:
 * 1. the first line, when it reads as a title (short, no sentence punctuation, ends in 方案/计划 …);
 * 2. built from the preamble: the district and topic of the plan it implements
 *    ("依据《长宁区全面推进城市数字化转型“十四五”规划》") and the kind of document it makes
 *    ("制定2024年度工作方案") → "长宁区2024年度城市数字化转型工作方案";
 * 3. undefined: the caller falls back to "<year>年度工作方案" and says so.
 */
export function inferTitle(firstLine: string, preamble: string, year: number): string | undefined {
  const first = firstLine.replace(/^[《\s]+|[》\s]+$/g, '');
  if (
    first.length <= 40 &&
    !/[。,，;；:：]/.test(first) &&
    new RegExp(`(方案|计划|要点)$`).test(first)
  ) {
    return first;
  }
  const kindMatch = new RegExp(`制定\\d{4}年度?(\\S*?)${DOC_KIND}`).exec(toAsciiDigits(preamble));
  const basis = /《([^》]*?)(?:[“"]?十[一二三四五六七八九]五[”"]?)?规划》/.exec(preamble);
  let district = '';
  let topic = kindMatch?.[1] ?? '';
  if (basis) {
    const place = /^(.{2,6}?(?:区|县|市))/.exec(basis[1]);
    district = place?.[1] ?? '';
    if (!topic) {
      topic = basis[1]
        .slice(district.length)
        .replace(
          /^(关于)?(全面推进|加快推进|深入推进|全面推动|加快推动|推进|推动|加快|全面|深化)/,
          '',
        );
    }
  }
  if (!kindMatch && !basis) return undefined;
  return `${district}${year}年度${topic}${kindMatch?.[2] ?? '工作方案'}`;
}
