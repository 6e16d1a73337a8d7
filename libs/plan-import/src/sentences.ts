import { splitTopLevel } from './text/brackets';

export interface Sentence {
  readonly text: string;
  /** Comma-separated clauses of the sentence, trimmed, none empty. */
  readonly clauses: string[];
}

const trim = (s: string): string => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** A comma between a digit and exactly three digits is a thousands separator: 1,900家. */
const isThousandsComma = (text: string, i: number): boolean =>
  text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1));

/**
 * Sentences end at 。；;！？!? or a line break; clauses at commas. Only top-level punctuation counts:
 * a comma inside quotes or brackets does not split.
 */
export function sentencesOf(text: string): Sentence[] {
  return splitTopLevel(text, '。；;！？!?\n')
    .map((piece) => trim(piece.text))
    .filter((sentence) => sentence.length > 0)
    .map((sentence) => ({
      text: sentence,
      clauses: splitTopLevel(sentence, ',，', isThousandsComma)
        .map((piece) => trim(piece.text))
        .filter((clause) => clause.length > 0),
    }));
}
