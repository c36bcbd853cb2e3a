import {
  DEFAULT_SUBJECT_KEY_PATTERN,
  SUBJECT_KEY_PATTERN_FLAGS,
  subjectKeyPatternProblem,
} from '../../contract/mail-handler-rules';
import { MAX_SUBJECT_CHARS } from './subject';

/** The one code of a refused pattern; the message (the admin form's own words) says why. */
export type IssueKeyPatternProblem = 'PATTERN_REFUSED';

export type IssueKeyPatternResult =
  { ok: true; pattern: RegExp } | { ok: false; error: { code: IssueKeyPatternProblem; message: string } };

/**
 * A handler's issue-key pattern, compiled by the rules the admin form checked it with when it was saved
 * (src/contract/mail-handler-rules.ts: bounded length, no back-references, no repeated group holding a repetition
 * or an alternative, a capture group, no empty match), so that a pattern stored by an older version is judged the
 * same way. Capture group 1 is the key. Guarded against ReDoS by those rules, and findIssueKey reads at most
 * MAX_SUBJECT_CHARS of a subject.
 */
export const compileIssueKeyPattern = (source: string = DEFAULT_SUBJECT_KEY_PATTERN): IssueKeyPatternResult => {
  const problem = subjectKeyPatternProblem(source);
  if (problem !== undefined) return { ok: false, error: { code: 'PATTERN_REFUSED', message: problem } };
  return { ok: true, pattern: new RegExp(source, `${SUBJECT_KEY_PATTERN_FLAGS}g`) };
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
