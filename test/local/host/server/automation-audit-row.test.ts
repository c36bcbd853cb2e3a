import type { AutomationRun } from '../../../../local/host/server/automation/automation-rules';
import { renderRunRow } from '../../../../local/jira/web';

const RUN: AutomationRun = {
  id: 1,
  at: '2026-12-06T04:00:00.000Z',
  actionKey: 'send-issue-email',
  issueKey: 'DEMO-1',
  accountId: 'acc-1',
  outcome: 'success',
  messages: [],
};

const detailsOf = (run: AutomationRun): string => {
  const row = renderRunRow(run).value;
  const details = row.slice(row.lastIndexOf('<td>'));
  return details.replace(/<[^>]+>/g, '').trim();
};

describe("the local Automation audit log's line of a run", () => {
  it("shows a successful action's own message, escaped", () => {
    expect(
      detailsOf({ ...RUN, answer: { success: true, message: 'Queued an email of DEMO-1 to <ada@example.com>.' } }),
    ).toBe('Queued an email of DEMO-1 to &lt;ada@example.com&gt;.');
  });

  it('says "No errors" for a success without a message, and lists a failure\'s messages', () => {
    expect(detailsOf({ ...RUN, answer: { success: true } })).toBe('No errors');
    expect(detailsOf({ ...RUN, answer: { message: ' ' } })).toBe('No errors');
    expect(detailsOf({ ...RUN, outcome: 'failure', messages: ['Not sent.'] })).toBe('Not sent.');
  });
});
