import { MAX_SUBJECT_CHARS } from './subject';

/**
 * The default: a Jira issue key (project key: a capital letter, then capitals, digits or `_`; a number) standing
 * alone, so `[DEMO-12]`, `(DEMO-12)` and `DEMO-12:` match and `XDEMO-12`, `DEMO-12a` do not.
 */
export const DEFAULT_ISSUE_KEY_PATTERN = '(?<![A-Za-z0-9_])([A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17})(?![A-Za-z0-9_])';

/** An admin's pattern may be this long; with the checks below it keeps the pattern simple enough to run safely. */
export const MAX_ISSUE_KEY_PATTERN_CHARS = 200;

export type IssueKeyPatternProblem =
  | 'PATTERN_TOO_LONG'
  | 'PATTERN_INVALID'
  /** A quantified group holding a quantifier or an alternation (`(A+)+`, `(A|AA)*`), or a back-reference. */
  | 'PATTERN_UNSAFE';

export type IssueKeyPatternResult =
  { ok: true; pattern: RegExp } | { ok: false; error: { code: IssueKeyPatternProblem; message: string } };

const QUANTIFIER_AFTER = /^(?:[*+]|\{\d{0,5},\d{0,5}\}|\{\d{1,5}\})/;

/**
 * Whether a pattern nests quantifiers (star height above one) or refers back to a group: the shapes of
 * catastrophic backtracking (ReDoS). A scan of the source, escapes and character classes skipped.
 */
const isUnsafe = (source: string): boolean => {
  /** Per open group: whether it holds a quantifier. */
  const groups: boolean[] = [];
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      if (/[1-9k]/.test(next)) return true;
      index++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') inClass = true;
    else if (char === '(') groups.push(false);
    else if (char === ')') {
      const heldQuantifier = groups.pop() ?? false;
      const quantified = QUANTIFIER_AFTER.test(source.slice(index + 1));
      if (heldQuantifier && quantified) return true;
      if (groups.length > 0 && (heldQuantifier || quantified)) groups[groups.length - 1] = true;
    } else if ((char === '*' || char === '+' || char === '{' || char === '|') && groups.length > 0) {
      // An alternation counts as a quantifier: a repeated `(a|aa)` backtracks as `(a+)+` does.
      groups[groups.length - 1] = true;
    }
  }
  return false;
};

/**
 * An admin's issue-key pattern, checked and compiled (Unicode mode, global). Its first capture group (or, without
 * one, the whole match) is the key. Guarded against ReDoS: bounded length, no nested quantifiers or
 * back-references, and findIssueKey reads at most MAX_SUBJECT_CHARS of a subject.
 */
export const compileIssueKeyPattern = (source: string = DEFAULT_ISSUE_KEY_PATTERN): IssueKeyPatternResult => {
  if (source.length > MAX_ISSUE_KEY_PATTERN_CHARS) {
    return {
      ok: false,
      error: { code: 'PATTERN_TOO_LONG', message: `At most ${MAX_ISSUE_KEY_PATTERN_CHARS} characters.` },
    };
  }
  if (isUnsafe(source)) {
    return {
      ok: false,
      error: { code: 'PATTERN_UNSAFE', message: 'No quantified group that holds a quantifier, no back-reference.' },
    };
  }
  try {
    return { ok: true, pattern: new RegExp(source, 'gu') };
  } catch {
    return { ok: false, error: { code: 'PATTERN_INVALID', message: 'Not a valid regular expression.' } };
  }
};

export interface IssueKeyMatch {
  key: string;
  projectKey: string;
}

const KEY_SHAPE = /^([A-Z][A-Z0-9_]{0,254})-([1-9][0-9]{0,17})$/;

/**
 * The leftmost issue key in a subject that belongs to one of the projects the handler may write to (keys compared
 * in capitals). Other matches (`UTF-8`, another site's key) are passed over.
 */
export const findIssueKey = (
  subject: string | null | undefined,
  pattern: RegExp,
  projectKeys: readonly string[],
): IssueKeyMatch | undefined => {
  const allowed = new Set(projectKeys.map((key) => key.toUpperCase()));
  const text = (subject ?? '').slice(0, MAX_SUBJECT_CHARS);
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  for (const match of text.matchAll(global)) {
    const shape = KEY_SHAPE.exec((match[1] ?? match[0]).toUpperCase());
    if (shape !== null && allowed.has(shape[1]!)) return { key: shape[0], projectKey: shape[1]! };
  }
  return undefined;
};
