/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-issue-bridge';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import { ReadyDialog } from '../../../static/issue-action/src/ready-dialog';
import { choose, controlLabelled, mount, typeInto } from '../admin/support/dom';
import { dialogLifecycle } from './support/dialog-lifecycle';

/** DEMO-3 with two templates: the built-in one and "Customer update", whose subject differs. */
const DRAFT: IssueEmailDraft = {
  issueKey: 'DEMO-3',
  issueSummary: 'VPN disconnects every 10 minutes',
  subject: '[DEMO-3] VPN disconnects every 10 minutes',
  senderMailbox: 'support@contoso.onmicrosoft.com',
  permission: { allowed: true },
  quickPicks: [],
  templates: [
    { id: 'built-in', name: 'Standard', subject: '[DEMO-3] VPN disconnects every 10 minutes' },
    {
      id: 'tpl-update',
      name: 'Customer update',
      subject: '[DEMO-3] Update on your request: VPN disconnects every 10 minutes',
    },
  ],
  defaultTemplateId: 'built-in',
  attachments: [],
  commentCount: 0,
  commentAfterSend: true,
  maxMessageBytes: 150 * 1024 * 1024,
};

const dialog = dialogLifecycle();

describe("the dialog's subject and the chosen template", () => {
  it("takes the chosen template's subject, back and forth, until the sender types one of their own", async () => {
    const mounted = dialog.track(await mount(<ReadyDialog draft={DRAFT} />));
    const { container } = mounted;
    const subject = controlLabelled(container, 'Subject');
    const template = controlLabelled<HTMLSelectElement>(container, 'Template');
    expect(subject.value).toBe('[DEMO-3] VPN disconnects every 10 minutes');

    await choose(template, 'tpl-update');
    expect(subject.value).toBe('[DEMO-3] Update on your request: VPN disconnects every 10 minutes');
    await choose(template, 'built-in');
    expect(subject.value).toBe('[DEMO-3] VPN disconnects every 10 minutes');

    await typeInto(subject, '[DEMO-3] Please read');
    await choose(template, 'tpl-update');
    expect(subject.value).toBe('[DEMO-3] Please read');
  });
});
