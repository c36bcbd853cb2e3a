import {
  DEFAULT_SUBJECT_KEY_PATTERN,
  MAX_SUBJECT_KEY_PATTERN,
  PATTERN_BACKREFERENCE_MESSAGE,
  PATTERN_GROUP_MESSAGE,
  PATTERN_INVALID_MESSAGE,
  PATTERN_NESTED_MESSAGE,
  PATTERN_TOO_LONG_MESSAGE,
} from '../../../src/contract/mail-handler-rules';
import { compileIssueKeyPattern, findIssueKey } from '../../../src/incoming/matching/issue-key';
import {
  MAX_REFERENCED_IDS,
  normalizeMessageId,
  parseMessageIds,
  referencedMessageIds,
} from '../../../src/incoming/matching/message-ids';
import { normalizeSubject } from '../../../src/incoming/matching/subject';
import { threadIdentity } from '../../../src/mail/thread-identity';

describe('Message-IDs', () => {
  it.each([
    ['<abc@EXAMPLE.com>', ['<abc@example.com>']],
    ['  <A.b+C@Mail.Example.COM>  ', ['<A.b+C@mail.example.com>']],
    ['<a@x.org> <b@x.org>\r\n\t<c@x.org>', ['<a@x.org>', '<b@x.org>', '<c@x.org>']],
    ['<a@x.org>(a comment (nested) with <fake@x.org>) <b@x.org>', ['<a@x.org>', '<b@x.org>']],
    ['<a@x.org>,<b@x.org>,<a@X.ORG>', ['<a@x.org>', '<b@x.org>']],
    ['a@x.org b@x.org', ['<a@x.org>', '<b@x.org>']],
    ['<no-at-sign> <@x.org> <a@>', []],
    ['', []],
  ])('parseMessageIds(%j)', (value, expected) => {
    expect(parseMessageIds(value)).toEqual(expected);
  });

  it('normalises one id, or refuses what is none', () => {
    expect(normalizeMessageId('e-1.demo-1@Example.COM')).toBe('<e-1.demo-1@example.com>');
    expect(normalizeMessageId('<a b@x.org>')).toBeUndefined();
  });

  it('lists In-Reply-To first, then References newest first, each once; header names in any case', () => {
    const headers = [
      { name: 'references', value: '<root@x.org> <middle@x.org> <parent@x.org>' },
      { name: 'In-Reply-To', value: '<parent@X.org>' },
    ];
    expect(referencedMessageIds(headers)).toEqual(['<parent@x.org>', '<middle@x.org>', '<root@x.org>']);
  });

  it('matches the Message-ID the app writes on its emails, as a reply quotes it', () => {
    const sent = threadIdentity('e-42', 'DEMO-1', 'Jira@Example.com', 'person').internetMessageId;
    const reply = [{ name: 'In-Reply-To', value: sent.toUpperCase().replace('E-42.DEMO-1', 'e-42.demo-1') }];
    expect(referencedMessageIds(reply)).toEqual([normalizeMessageId(sent)]);
  });

  it(`keeps at most ${MAX_REFERENCED_IDS} ids, the newest`, () => {
    const many = Array.from({ length: 300 }, (_, index) => `<m${index}@x.org>`).join(' ');
    const ids = referencedMessageIds([{ name: 'References', value: many }]);
    expect(ids).toHaveLength(MAX_REFERENCED_IDS);
    expect(ids[0]).toBe('<m299@x.org>');
  });
});

describe('the issue key in a subject', () => {
  const compiled = compileIssueKeyPattern();
  if (!compiled.ok) throw new Error('the default pattern must compile');
  const pattern = compiled.pattern;
  const projects = ['DEMO', 'OPS'];

  it.each([
    ['RE: [DEMO-12] Printer', 'DEMO-12'],
    ['AW: Printer (DEMO-7) and OPS-3', 'DEMO-7'],
    ['Fwd: OPS-3: see DEMO-4', 'OPS-3'],
    ['UTF-8 issue in DEMO-5', 'DEMO-5'],
    ['[OTHER-1] then [DEMO-2]', 'DEMO-2'],
    ['demo-3 lower case', undefined],
    ['XDEMO-3 and DEMO-3a and DEMO-0', undefined],
    ['No key here', undefined],
    [null, undefined],
  ])('%j -> %s', (subject, key) => {
    expect(findIssueKey(subject, pattern, projects)?.key).toBe(key);
  });

  it('gives the project key too', () => {
    expect(findIssueKey('Re: [OPS-30] Disk', pattern, projects)).toEqual({ key: 'OPS-30', projectKey: 'OPS' });
  });

  it('takes an admin pattern: its first group is the key', () => {
    const custom = compileIssueKeyPattern('Ticket #([A-Z]+-\\d+)');
    expect(custom.ok && findIssueKey('Re: Ticket #DEMO-9 and DEMO-1', custom.pattern, projects)?.key).toBe('DEMO-9');
  });

  // The admin form's rules, in its words: a pattern stored by an older version is judged as a new one is.
  it.each([
    ['x'.repeat(MAX_SUBJECT_KEY_PATTERN + 1), PATTERN_TOO_LONG_MESSAGE],
    ['([A-Z]+', PATTERN_INVALID_MESSAGE],
    ['([A-Z]+)+-\\d+', PATTERN_NESTED_MESSAGE],
    ['(\\w*)*-1', PATTERN_NESTED_MESSAGE],
    ['(DEMO|DEMO-)*1', PATTERN_NESTED_MESSAGE],
    ['(a)\\1', PATTERN_BACKREFERENCE_MESSAGE],
    ['(?<p>a)\\k<p>', PATTERN_BACKREFERENCE_MESSAGE],
    ['[A-Z]+-\\d+', PATTERN_GROUP_MESSAGE],
  ])('refuses %j', (source, message) => {
    expect(compileIssueKeyPattern(source)).toEqual({ ok: false, error: { code: 'PATTERN_REFUSED', message } });
  });

  it('accepts the default and a quantified class inside a group', () => {
    expect(compileIssueKeyPattern(DEFAULT_SUBJECT_KEY_PATTERN).ok).toBe(true);
    expect(compileIssueKeyPattern('\\[([A-Z][A-Z0-9]+-[0-9]+)\\]').ok).toBe(true);
  });
});

describe('normalizeSubject', () => {
  it.each([
    ['RE: AW: Fwd: [DEMO-1] Printer', '[DEMO-1] Printer'],
    ['Re[2]: SV: VS: Status', 'Status'],
    ['WG: TR: RV: Antw: Doorst: Enc: Odp: Hello', 'Hello'],
    ['FW : Réf : R: Report', 'Report'],
    ['回复：转发: 进度', '进度'],
    ['  Re:   many    spaces  ', 'many spaces'],
    ['Reply needed: printer', 'Reply needed: printer'],
    ['Review: the plan', 'Review: the plan'],
    [null, ''],
  ])('%j -> %j', (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });
});
