import { GmailError } from '../../../../../src/providers/google/gmail/gmail-errors';
import { gmailGuidance } from '../../../../../src/providers/google/gmail/gmail-guidance';

describe('gmailGuidance for the read side', () => {
  it.each([
    [
      { mailbox: 'support@example-google.test' },
      'Gmail no longer knows where incoming mail of the mailbox support@example-google.test was last read ' +
        '(history.list answered 404; Google keeps one for about a week, sometimes only hours). The label has to be ' +
        'read again in full.',
    ],
    [
      {},
      'Gmail no longer knows where incoming mail of the mailbox was last read (history.list answered 404; Google ' +
        'keeps one for about a week, sometimes only hours). The label has to be read again in full.',
    ],
  ])('GMAIL_HISTORY_EXPIRED (%p)', (context, guidance) => {
    const error = new GmailError('GMAIL_HISTORY_EXPIRED', 'x', { status: 404, reason: 'notFound' });
    expect(gmailGuidance(error, context)).toBe(guidance);
  });
});
