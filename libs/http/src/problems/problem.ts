import { CONSTRAINT_MESSAGES, fill, RULE_MESSAGES, STATUS_TITLES, type Language } from './messages';

/** An RFC 9457 problem, with the stable `code` clients branch on and, for 400s, each bad field. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly LocalizedFieldProblem[];
  readonly [extension: string]: unknown;
}

/** A bad field as the validation pipe reports it: the constraint broken and its English text. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
  readonly constraint?: string;
}

export interface LocalizedFieldProblem {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
}

export const problemType = (code: string): string => `urn:duty-ledger:problem:${code}`;

const HAS_CHINESE = /[\u4e00-\u9fff]/;

export function titleOf(status: number, language: Language): string {
  return (STATUS_TITLES[status] ?? STATUS_TITLES[status >= 500 ? 500 : 400])[language];
}

/**
 * The text of a refusal: the catalogue's, filled from its details; else, in English, the text the
 * refusal came with, and in Chinese that text when it is Chinese, or else the catalogue's words for
 * its category (`fallbackCode`) followed by that text.
 */
export function detailOf(
  code: string,
  language: Language,
  params: Readonly<Record<string, unknown>>,
  original: string | undefined,
  fallbackCode: string,
): string {
  // A code that only names the category (`unauthorized`, `not-found`) says less than the text.
  const message = code === fallbackCode && original ? undefined : RULE_MESSAGES[code];
  if (message) return fill(message[language], params);
  if (original && (language === 'en' || HAS_CHINESE.test(original))) return original;
  const generic = (RULE_MESSAGES[fallbackCode] ?? RULE_MESSAGES['bad-request'])[language];
  // Not yet in the catalogue: the category in Chinese, and what exactly went wrong as it was said.
  return original ? `${generic}（${original}）` : generic;
}

/**
 * A bad field in the client's language. English keeps the validator's own sentence (naming the
 * field first); Chinese takes the catalogue's, or says the field's value is not valid and why.
 */
export function localizeField(problem: FieldProblem, language: Language): LocalizedFieldProblem {
  const code = problem.constraint ?? 'invalid';
  const { field } = problem;
  const named = problem.reason.startsWith(field) ? problem.reason : `${field}: ${problem.reason}`;
  const message = CONSTRAINT_MESSAGES[code];
  const reason =
    language === 'en' || HAS_CHINESE.test(problem.reason)
      ? named
      : message
        ? fill(message.zh, { field })
        : `${field} 的取值无效（${problem.reason}）`;
  return { field, code, reason };
}

/** The conventional text of a 400 thrown at the edge, "<field>: <reason>", as a field problem. */
export function fieldProblemOf(message: string | undefined): FieldProblem | undefined {
  const m = message === undefined ? null : /^([\w.[\]-]+): (.+)$/.exec(message);
  return m ? { field: m[1], reason: m[2] } : undefined;
}

/** Order in which a field's broken constraints are named: the most basic problem first. */
const CONSTRAINT_ORDER = Object.keys(CONSTRAINT_MESSAGES);

export function byBasicFirst(a: FieldProblem, b: FieldProblem): number {
  const rank = (p: FieldProblem) => {
    const i = CONSTRAINT_ORDER.indexOf(p.constraint ?? '');
    return i === -1 ? CONSTRAINT_ORDER.length : i;
  };
  return rank(a) - rank(b);
}
