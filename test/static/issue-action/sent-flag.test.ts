import { sentFlagDescription } from '../../../static/issue-action/src/sent-flag';

describe('sentFlagDescription', () => {
  it.each([
    ['DEMO-1', 1, 'DEMO-1 was emailed to 1 recipient.'],
    ['DEMO-1', 2, 'DEMO-1 was emailed to 2 recipients.'],
    ['OPS-12', 500, 'OPS-12 was emailed to 500 recipients.'],
  ])('%s to %d', (issueKey, recipientCount, text) => {
    expect(sentFlagDescription(issueKey, { recipientCount })).toBe(text);
  });
});
