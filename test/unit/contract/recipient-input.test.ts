import { sendIssueEmailSchema } from '../../../src/contract/issue-email';
import { isJiraUserRecipient } from '../../../src/contract/recipient-input';

const base = { subject: 'Hello' };

describe('recipients in the send payload', () => {
  it('takes addresses and Jira users by account id side by side', () => {
    const parsed = sendIssueEmailSchema.safeParse({
      ...base,
      to: [{ accountId: '712020:e4a1b2c3-d4e5-4f60-8a71-92b3c4d5e6f7' }, ' ada@example.com '],
      cc: [{ accountId: '5d8f6a2c1b9e4f0c7a3b2e10' }],
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.to).toEqual([{ accountId: '712020:e4a1b2c3-d4e5-4f60-8a71-92b3c4d5e6f7' }, 'ada@example.com']);
    expect(parsed.data?.to.map(isJiraUserRecipient)).toEqual([true, false]);
  });

  it.each([
    ["an account id outside Atlassian's alphabet", { accountId: 'u/../x' }],
    ['an empty account id', { accountId: '' }],
    ['an address carried in the object', { accountId: 'u-1', address: 'casey@customer.example' }],
    ['a name carried in the object', { accountId: 'u-1', name: 'Casey' }],
    ['an address that does not parse', 'casey at customer'],
  ])('refuses %s', (_name, recipient) => {
    expect(sendIssueEmailSchema.safeParse({ ...base, to: [recipient] }).success).toBe(false);
  });
});
