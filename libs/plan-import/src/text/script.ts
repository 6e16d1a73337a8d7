/**
 * Traditional characters of the words that structure a plan (labels, role words, document kinds)
 * mapped one for one to their simplified forms. Plans are republished in traditional script
 * (牽頭, 責任單位, 工作要點); the parser reads the structure through this mapping and keeps every
 * name exactly as written. One character for one, so offsets stay valid.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  牽: '牵',
  頭: '头',
  責: '责',
  單: '单',
  門: '门',
  負: '负',
  職: '职',
  關: '关',
  協: '协',
  辦: '办',
  參: '参',
  與: '与',
  級: '级',
  縣: '县',
  區: '区',
  點: '点',
  劃: '划',
  計: '计',
  務: '务',
  為: '为',
  發: '发',
  號: '号',
};

export function toSimplifiedStructure(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch;
  return out;
}
