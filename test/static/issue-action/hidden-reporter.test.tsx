/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-issue-bridge';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import { ReadyDialog } from '../../../static/issue-action/src/ready-dialog';
import { buttonNamed, click, mount, nameOf, settle, textOf } from '../admin/support/dom';
import { dialogLifecycle } from './support/dialog-lifecycle';
import { issueView } from './support/fake-issue-bridge';

const CASEY_ID = '712020:e4a1b2c3-d4e5-4f60-8a71-92b3c4d5e6f7';

/** DEMO-1 as Alex sees it: Casey, the reporter, hides their address; Sam, the assignee, does not. */
const DRAFT: IssueEmailDraft = {
  issueKey: 'DEMO-1',
  issueSummary: 'Outlook does not sync',
  subject: '[DEMO-1] Outlook does not sync',
  senderMailbox: 'support@contoso.onmicrosoft.com',
  permission: { allowed: true },
  quickPicks: [
    { name: 'Casey Customer', address: null, accountId: CASEY_ID, source: 'reporter' },
    { name: 'Sam Rivera', address: 'sam.rivera@example.com', accountId: 'u-sam', source: 'assignee' },
  ],
  templates: [{ id: 'built-in', name: 'Standard', subject: '[DEMO-1] Outlook does not sync' }],
  defaultTemplateId: 'built-in',
  attachments: [],
  commentCount: 0,
  commentAfterSend: true,
  maxMessageBytes: 150 * 1024 * 1024,
};

const dialog = dialogLifecycle();

/** Each chip of a field: what it shows, and what a screen reader hears besides. */
const chipsOf = (container: HTMLElement, field: string) =>
  Array.from(
    container.querySelector(`#email-${field}`)?.closest('.im-chip-input')?.querySelectorAll('.im-chip') ?? [],
  ).map((chip) => [
    textOf(chip.querySelector('.im-chip__label') as Element),
    textOf(chip.querySelector('.im-visually-hidden') as Element),
    chip.getAttribute('title'),
  ]);

describe('"Email this issue" with a reporter whose address Jira hides', () => {
  it('adds the reporter by name, sends them as a Jira user, and previews them by name', async () => {
    const mounted = dialog.track(await mount(<ReadyDialog draft={DRAFT} />));
    const { container } = mounted;

    const pick = buttonNamed(container, 'Add reporter: Casey Customer (email hidden)');
    expect(pick.disabled).toBe(false);
    await click(pick);

    expect(chipsOf(container, 'to')).toEqual([
      ['Casey Customer', '(email hidden)', "Casey Customer: Jira hides this person's email address."],
    ]);
    expect(buttonNamed(container, 'Add reporter: Casey Customer (email hidden) (in To)').disabled).toBe(true);

    issueView.answers.set('previewIssueEmail', () => ({
      ok: true,
      data: { subject: DRAFT.subject, html: '<p>DEMO-1</p>', attachments: [], attachmentBytes: 0 },
    }));
    await click(buttonNamed(container, 'Preview'));
    const facts = Array.from(container.querySelectorAll('.im-facts dt')).map((term) => [
      textOf(term),
      textOf(term.nextElementSibling as Element),
    ]);
    expect(facts).toContainEqual(['To', 'Casey Customer']);
    await click(buttonNamed(container, 'Edit email'));

    issueView.answers.set('sendIssueEmail', () => ({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        emailId: 'email-1',
        queuedAt: '2025-03-08T10:00:00.000Z',
        status: 'queued',
        recipientCount: 1,
      },
    }));
    issueView.answers.set('getEmailStatus', () => ({
      ok: true,
      data: {
        emailId: 'email-1',
        status: 'queued',
        attempts: 0,
        recipientCount: 1,
        updatedAt: '2025-03-08T10:00:00.000Z',
      },
    }));
    await click(buttonNamed(container, 'Send'));
    await settle();

    const sends = issueView.invokes.filter((call) => call.functionKey === 'sendIssueEmail');
    expect(sends).toHaveLength(1);
    expect(sends[0]?.payload).toMatchObject({ to: [{ accountId: CASEY_ID }], cc: [], bcc: [] });
    expect(issueView.invokes.find((call) => call.functionKey === 'previewIssueEmail')?.payload).toMatchObject({
      to: [{ accountId: CASEY_ID }],
    });
    expect(container.innerHTML).not.toContain('@customer.example');
  });

  it('keeps a person Jira names no account for disabled', async () => {
    const draft: IssueEmailDraft = {
      ...DRAFT,
      quickPicks: [{ name: 'Former Colleague', address: null, source: 'watcher' }],
    };
    const mounted = dialog.track(await mount(<ReadyDialog draft={draft} />));
    const pick = buttonNamed(mounted.container, 'Add watcher: Former Colleague (email hidden)');
    expect(pick.disabled).toBe(true);
    expect(nameOf(pick)).toBe('Add watcher: Former Colleague (email hidden)');
  });
});
