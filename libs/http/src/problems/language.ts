import type { Language } from './messages';

/**
 * The language of error texts: Chinese unless the client prefers English (`Accept-Language: en`,
 * or English weighted above Chinese). Other languages are not offered, so they count for nothing.
 */
export function preferredLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { language: Language; q: number } = { language: 'zh', q: 0 };
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const language: Language | undefined = tag.startsWith('en')
      ? 'en'
      : tag.startsWith('zh')
        ? 'zh'
        : undefined;
    if (!language) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > best.q) best = { language, q };
  }
  return best.language;
}
