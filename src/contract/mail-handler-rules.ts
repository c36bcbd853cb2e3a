/**
 * The environment-free rules of a mail handler's fields, shared by the admin page and the backend so both say the
 * same thing: the issue-key pattern (a regex an admin writes, run on every incoming subject) and mail domains.
 */

/** Mail handler ids are the app's own (UUIDs, `handler-1` in tests). */
export const MAIL_HANDLER_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/**
 * The default issue-key pattern: the leftmost `[KEY-123]` or `KEY-123` of a subject. Length-bounded: a Jira project
 * key is 2 to 10 characters by default, an issue number at most 10 digits; capture group 1 is the key.
 */
export const DEFAULT_SUBJECT_KEY_PATTERN = String.raw`\[?\b([A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9})\b\]?`;
export const MAX_SUBJECT_KEY_PATTERN = 200;
/** The flags the pipeline compiles the pattern with. */
export const SUBJECT_KEY_PATTERN_FLAGS = 'u';

export const PATTERN_TOO_LONG_MESSAGE = `Keep the pattern under ${MAX_SUBJECT_KEY_PATTERN} characters.`;
export const PATTERN_INVALID_MESSAGE = 'This is not a valid regular expression.';
export const PATTERN_GROUP_MESSAGE =
  'Put the issue key in a capture group, for example ([A-Z][A-Z0-9_]{1,9}-[0-9]{1,10}).';
export const PATTERN_BACKREFERENCE_MESSAGE =
  'Back-references (\\1, \\k<name>) are not allowed: they can make matching slow.';
export const PATTERN_NESTED_MESSAGE =
  'A repeated group may not contain another repetition or an alternative (such as (a+)+ or (a|b)*): it can make matching very slow.';
export const PATTERN_EMPTY_MATCH_MESSAGE = 'The pattern matches an empty subject. Make it match an issue key.';

const BACKREFERENCE = /\\[1-9]|\\k</;
const QUANTIFIER_START = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

/**
 * Whether a quantified group holds a quantifier or an alternative: the shapes of catastrophic backtracking
 * ("star height" above one, or an ambiguous alternation repeated). Conservative: some harmless patterns are refused
 * too, which the message explains. Escapes and character classes are skipped as units.
 */
const hasNestedRepetition = (pattern: string): boolean => {
  /** Per open group: whether it holds a quantifier or `|` so far. */
  const groups: boolean[] = [];
  let index = 0;
  let inClass = false;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      index += 1;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') groups.push(false);
    else if (char === '|' && groups.length > 0) groups[groups.length - 1] = true;
    else if (char === ')') {
      const risky = groups.pop() ?? false;
      const quantified = QUANTIFIER_START.test(pattern.slice(index + 1));
      if (risky && quantified) return true;
      // A group that is itself repeated or holds a repetition makes its enclosing group risky too.
      if (groups.length > 0 && (risky || quantified)) groups[groups.length - 1] = true;
    } else if (QUANTIFIER_START.test(pattern.slice(index)) && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
    index += 1;
  }
  return false;
};

const compile = (pattern: string): RegExp | undefined => {
  try {
    return new RegExp(pattern, SUBJECT_KEY_PATTERN_FLAGS);
  } catch {
    return undefined;
  }
};

/** What is wrong with an issue-key pattern, or undefined when it is safe to run on every incoming subject. */
export const subjectKeyPatternProblem = (pattern: string): string | undefined => {
  if (pattern.length > MAX_SUBJECT_KEY_PATTERN) return PATTERN_TOO_LONG_MESSAGE;
  const regex = compile(pattern);
  if (regex === undefined) return PATTERN_INVALID_MESSAGE;
  if (BACKREFERENCE.test(pattern)) return PATTERN_BACKREFERENCE_MESSAGE;
  if (hasNestedRepetition(pattern)) return PATTERN_NESTED_MESSAGE;
  // Groups counted on a pattern that always matches: `(?:p)|` matches '' and reports p's groups as undefined.
  const groups = (compile(`(?:${pattern})|`)?.exec('')?.length ?? 1) - 1;
  if (groups < 1) return PATTERN_GROUP_MESSAGE;
  if (regex.test('')) return PATTERN_EMPTY_MATCH_MESSAGE;
  return undefined;
};

/**
 * The issue key a subject names by a pattern that passed subjectKeyPatternProblem: capture group 1 of the leftmost
 * match, or undefined.
 */
export const issueKeyInSubject = (subject: string, pattern: string): string | undefined =>
  compile(pattern)?.exec(subject)?.[1];

/** A mail domain as a sender's address ends: `contoso.com`, `mail.contoso.co.uk` (letters of any script allowed). */
const DOMAIN = /^(?=.{1,253}$)(?:(?!-)[\p{L}\p{N}-]{1,63}(?<!-)\.)+(?!-)[\p{L}-]{2,63}(?<!-)$/u;

export const DOMAIN_MESSAGE = 'Enter domains such as contoso.com, without @ or spaces.';

/** A domain as an admin types it (`@Contoso.com` too), lower-cased; undefined when it is no mail domain. */
export const normaliseDomain = (value: string): string | undefined => {
  const domain = value.trim().replace(/^@/, '').toLowerCase();
  return DOMAIN.test(domain) ? domain : undefined;
};
