import { REASON_WORDS, resultWords } from '../../../../src/incoming/log/result-words';
import { NOISE_REASONS } from '../../../../src/incoming/noise/noise-reasons';
import { PROCESS_REASONS } from '../../../../src/incoming/process/process-reasons';

describe('resultWords: what the incoming log says became of a message', () => {
  it.each([
    [{ status: 'processing' }, 'Processing'],
    [{ status: 'created', issueKey: 'DEMO-12' }, 'Created DEMO-12'],
    [{ status: 'commented', issueKey: 'DEMO-3' }, 'Commented on DEMO-3'],
    [{ status: 'ignored', reason: 'AUTO_SUBMITTED' }, 'Ignored: auto-reply'],
    [{ status: 'ignored', reason: 'AUTOREPLY_HEADER' }, 'Ignored: out-of-office'],
    [{ status: 'ignored', reason: 'DELIVERY_REPORT' }, 'Ignored: delivery report'],
    [{ status: 'ignored', reason: 'OWN_MAILBOX' }, "Ignored: from the app's own mailbox"],
    [{ status: 'ignored', reason: 'OWN_HEADERS' }, 'Ignored: sent by Issue Mailer'],
    [{ status: 'ignored', reason: 'AUTO_RESPONSE_SUPPRESS' }, 'Ignored: automatic mail'],
    [{ status: 'ignored', reason: 'BULK_PRECEDENCE' }, 'Ignored: bulk or mailing-list mail'],
    [{ status: 'ignored', reason: 'EMPTY_RETURN_PATH' }, 'Ignored: automatic mail without a return address'],
    [{ status: 'ignored', reason: 'refused-sender' }, 'Ignored: sender not allowed'],
    [{ status: 'ignored', reason: 'no-issue-to-reply-to' }, 'Ignored: new issues are off for this handler'],
    [{ status: 'ignored', reason: 'no-sender' }, 'Ignored: no sender address'],
    [{ status: 'held', reason: 'sender-hourly-limit' }, 'Held: sender over the hourly limit'],
    [
      { status: 'failed', error: { code: 'JIRA_FORBIDDEN', message: 'Jira refused the app.' } },
      'Failed: Jira refused the app.',
    ],
    // Odd records still read as a sentence: a code a newer worker wrote is shown as the code it is.
    [{ status: 'ignored', reason: 'SOME_NEW_CODE' }, 'Ignored: SOME_NEW_CODE'],
    [{ status: 'ignored' }, 'Ignored'],
    [{ status: 'failed' }, 'Failed'],
    [{ status: 'created' }, 'Created an issue'],
    [{ status: 'commented' }, 'Commented on an issue'],
  ] as const)('%j reads "%s"', (record, words) => {
    expect(resultWords(record)).toBe(words);
  });

  it('words every reason code of the noise filters and of processing, and no other', () => {
    expect(Object.keys(REASON_WORDS).sort()).toEqual([...NOISE_REASONS, ...Object.values(PROCESS_REASONS)].sort());
  });
});
