/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-issue-bridge';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import { ignoredChoicesNote } from '../../../static/issue-action/src/content-options';
import { ReadyDialog } from '../../../static/issue-action/src/ready-dialog';
import { buttonNamed, choose, click, controlLabelled, mount, textOf, typeInto } from '../admin/support/dom';
import { dialogLifecycle } from './support/dialog-lifecycle';
import { issueView } from './support/fake-issue-bridge';

/** Issue 12, item 15: the dialog offers only the content choices the chosen template looks at. */

const ALL = { fields: true, description: true, comments: true };
const DRAFT: IssueEmailDraft = {
  issueKey: 'DEMO-3',
  issueSummary: 'VPN disconnects every 10 minutes',
  subject: '[DEMO-3] VPN disconnects every 10 minutes',
  senderMailbox: 'support@contoso.onmicrosoft.com',
  permission: { allowed: true },
  quickPicks: [],
  templates: [
    { id: 'built-in', name: 'Standard', subject: '[DEMO-3] VPN disconnects every 10 minutes', uses: ALL },
    {
      id: 'tpl-update',
      name: 'Customer update',
      subject: '[DEMO-3] Update',
      uses: { fields: false, description: false, comments: false },
    },
    {
      id: 'tpl-thread',
      name: 'Comment thread',
      subject: '[DEMO-3] Thread',
      uses: { fields: false, description: false, comments: true },
    },
    // From a backend that does not say: every choice stays.
    { id: 'tpl-old', name: 'Older', subject: '[DEMO-3] Older' },
  ],
  defaultTemplateId: 'built-in',
  attachments: [],
  commentCount: 4,
  commentAfterSend: true,
  maxMessageBytes: 150 * 1024 * 1024,
};

const dialog = dialogLifecycle();

/** What the content area offers: the Include legend and each choice's label, and the note under Template. */
const offered = (container: HTMLElement) => ({
  include: Array.from(container.querySelectorAll('.im-content-options legend')).map((legend) => textOf(legend)),
  choices: Array.from(container.querySelectorAll('.im-content-options label.im-choice')).map((label) => textOf(label)),
  note: textOf(container.querySelector('#email-template-hint') ?? document.createElement('p')),
});

describe('the content choices and the chosen template', () => {
  it('hides the choices a template ignores, says why, and offers them again for one that uses them', async () => {
    const { container } = dialog.track(await mount(<ReadyDialog draft={DRAFT} />));
    const template = controlLabelled<HTMLSelectElement>(container, 'Template');
    expect(offered(container)).toEqual({
      include: ['Include', 'Comments'],
      choices: ['Fields', 'Description', 'None', 'Latest', 'All (4)'],
      note: '',
    });

    await choose(template, 'tpl-update');
    expect(offered(container)).toEqual({
      include: [],
      choices: [],
      note: 'Fields, description and comments are not offered: the “Customer update” template decides this content itself.',
    });
    expect(template.getAttribute('aria-describedby')).toBe('email-template-hint');

    await choose(template, 'tpl-thread');
    expect(offered(container)).toEqual({
      include: ['Include', 'Comments'],
      choices: ['None', 'Latest', 'All (4)'],
      note: 'Fields and description are not offered: the “Comment thread” template decides this content itself.',
    });

    await choose(template, 'tpl-old');
    expect(offered(container).choices).toEqual(['Fields', 'Description', 'None', 'Latest', 'All (4)']);
  });

  it('sends a hidden choice as its default, and keeps what was chosen for a template that uses it', async () => {
    const { container } = dialog.track(await mount(<ReadyDialog draft={DRAFT} />));
    const template = controlLabelled<HTMLSelectElement>(container, 'Template');
    const fields = () =>
      container.querySelectorAll<HTMLInputElement>('.im-content-options input[type="checkbox"]')[0] as HTMLInputElement;
    await click(fields());
    await click(container.querySelector<HTMLInputElement>('input[type="radio"][value="latest"]') as HTMLInputElement);
    // An unfinished number would block Send, but not once the template hides it.
    await typeInto(controlLabelled(container, 'Number of latest comments'), '');
    await typeInto(controlLabelled(container, 'To'), 'customer@example.com');
    await choose(template, 'tpl-update');

    issueView.answers.set('previewIssueEmail', () => ({
      ok: true,
      data: { subject: '[DEMO-3] Update', html: '<p>x</p>', attachments: [], attachmentBytes: 0 },
    }));
    await click(buttonNamed(container, 'Preview'));
    const payload = issueView.invokes.find((call) => call.functionKey === 'previewIssueEmail')?.payload as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({
      templateId: 'tpl-update',
      includeFields: true,
      includeDescription: true,
      comments: 'none',
    });
    expect(payload).not.toHaveProperty('latestComments');
    await click(buttonNamed(container, 'Edit email'));
    expect(buttonNamed(container, 'Send').disabled).toBe(false);

    await choose(controlLabelled<HTMLSelectElement>(container, 'Template'), 'built-in');
    expect(fields().checked).toBe(false);
    expect(container.querySelector<HTMLInputElement>('input[type="radio"][value="latest"]')?.checked).toBe(true);
  });
});

describe('ignoredChoicesNote', () => {
  it.each([
    [ALL, undefined],
    [{ ...ALL, comments: false }, 'Comments is not offered: the “Plain” template decides this content itself.'],
    [
      { fields: false, description: true, comments: false },
      'Fields and comments are not offered: the “Plain” template decides this content itself.',
    ],
  ] as const)('%j', (uses, note) => {
    expect(ignoredChoicesNote('Plain', uses)).toBe(note);
  });
});
