import { defaultSubject, subjectWithIssueKey } from '../../../src/mail/email-subject';
import { threadIdentity } from '../../../src/mail/thread-identity';

describe('email subjects carry the issue key', () => {
  it('starts from [KEY] summary with whitespace collapsed', () => {
    expect(defaultSubject({ key: 'DEMO-2', summary: '  New   laptop\nfor Sam ' })).toBe('[DEMO-2] New laptop for Sam');
  });

  it('cuts a long subject to 255 characters with an ellipsis', () => {
    const subject = defaultSubject({ key: 'DEMO-2', summary: 'x'.repeat(400) });
    expect(subject).toHaveLength(255);
    expect(subject.endsWith('x…')).toBe(true);
  });

  it.each([
    ['[DEMO-2] New laptop', '[DEMO-2] New laptop'],
    ['Re: the laptop [demo-2]', 'Re: the laptop [demo-2]'],
    ['New laptop', '[DEMO-2] New laptop'],
    ['DEMO-2 without brackets', '[DEMO-2] DEMO-2 without brackets'],
  ])('keeps or adds the key: %s', (subject, expected) => {
    expect(subjectWithIssueKey(subject, 'DEMO-2')).toBe(expected);
  });
});

describe('threadIdentity', () => {
  it('names the issue and the email in x- headers and a Message-ID on the sender domain', () => {
    expect(threadIdentity('0f6c', 'DEMO-2', 'Support@Contoso.onmicrosoft.com', 'person')).toEqual({
      headers: [
        { name: 'x-issue-mailer-issue', value: 'DEMO-2' },
        { name: 'x-issue-mailer-email', value: '0f6c' },
      ],
      internetMessageId: '<0f6c.demo-2@contoso.onmicrosoft.com>',
    });
  });

  it('marks mail nobody wrote by hand as automatic, and asks for no out-of-office or auto-reply back', () => {
    expect(threadIdentity('0f6c', 'DEMO-2', 'support@contoso.onmicrosoft.com', 'automatic').headers).toEqual([
      { name: 'x-issue-mailer-issue', value: 'DEMO-2' },
      { name: 'x-issue-mailer-email', value: '0f6c' },
      { name: 'x-issue-mailer-auto-submitted', value: 'auto-generated' },
      { name: 'X-Auto-Response-Suppress', value: 'OOF, AutoReply' },
    ]);
  });
});
