import type { SentIssueEmail } from '../../../src/contract/issue-email';
import { sentFlagDescription } from '../../../static/issue-action/src/sent-flag';

const sent = (recipientCount: number, commented: boolean): SentIssueEmail => ({
  issueKey: 'DEMO-1',
  emailId: 'e-1',
  sentAt: '2026-11-12T14:05:00Z',
  recipientCount,
  commented,
});

describe('sentFlagDescription', () => {
  it.each([
    [1, false, false, 'DEMO-1 was emailed to 1 recipient.'],
    [2, false, false, 'DEMO-1 was emailed to 2 recipients.'],
    [2, true, true, 'DEMO-1 was emailed to 2 recipients. A comment was added to the issue.'],
    [2, true, false, 'DEMO-1 was emailed to 2 recipients.'],
    [2, false, true, 'DEMO-1 was emailed to 2 recipients.'],
  ])('%d recipients, setting %s, commented %s', (count, setting, commented, text) => {
    expect(sentFlagDescription(sent(count, commented), setting)).toBe(text);
  });
});
