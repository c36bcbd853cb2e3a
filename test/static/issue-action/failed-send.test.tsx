/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-issue-bridge';

import type { EmailDeliveryView } from '../../../src/contract/email-log';
import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import { ReadyDialog } from '../../../static/issue-action/src/ready-dialog';
import { BLOCKED_BY_FAILURE, failureReference, sendBlock } from '../../../static/issue-action/src/send-block';
import { advance, buttonNamed, click, controlLabelled, mount, textOf, typeInto } from '../admin/support/dom';
import { dialogLifecycle } from './support/dialog-lifecycle';
import { issueView } from './support/fake-issue-bridge';

const EMAIL_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const FAILED_AT = '2026-11-12T14:05:00.000Z';
const DRAFT: IssueEmailDraft = {
  issueKey: 'DEMO-1',
  issueSummary: 'Outlook does not sync',
  subject: '[DEMO-1] Outlook does not sync',
  senderMailbox: 'support@contoso.onmicrosoft.com',
  permission: { allowed: true },
  quickPicks: [],
  templates: [{ id: 'built-in', name: 'Standard', subject: '[DEMO-1] Outlook does not sync' }],
  defaultTemplateId: 'built-in',
  attachments: [],
  commentCount: 0,
  commentAfterSend: true,
  maxMessageBytes: 150 * 1024 * 1024,
};
const POLICY = {
  code: 'GRAPH_APP_ACCESS_POLICY_DENIED',
  message:
    'Microsoft 365 does not let Issue Mailer send from this mailbox. Tell your Jira admin; the email log has the details.',
  remedy: 'ask-admin' as const,
};
const RECIPIENTS = {
  code: 'GRAPH_INVALID_RECIPIENTS',
  message: 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
  remedy: 'send-again' as const,
};

const failed = (lastError: EmailDeliveryView['lastError']): EmailDeliveryView => ({
  emailId: EMAIL_ID,
  status: 'failed',
  attempts: 1,
  recipientCount: 1,
  ...(lastError ? { lastError } : {}),
  finishedAt: FAILED_AT,
});

describe('sendBlock and failureReference', () => {
  it.each<[string, Parameters<typeof sendBlock>[0], Parameters<typeof sendBlock>[1], string | undefined]>([
    ['nothing sent yet', null, null, undefined],
    ['a failure only an admin can fix', { phase: 'final', view: failed(POLICY) }, null, BLOCKED_BY_FAILURE],
    ['a wrong address', { phase: 'final', view: failed(RECIPIENTS) }, null, undefined],
    [
      'a failure without a remedy (older backend)',
      { phase: 'final', view: failed({ code: 'GRAPH_THROTTLED', message: 'Wait.' }) },
      null,
      undefined,
    ],
    ['not set up', null, { code: 'NOT_CONFIGURED', message: 'Not set up.' }, BLOCKED_BY_FAILURE],
    ['not allowed to send', null, { code: 'NOT_ALLOWED_TO_SEND', message: 'Only support-agents.' }, BLOCKED_BY_FAILURE],
    ['a validation answer', null, { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.' }, undefined],
  ])('%s', (_name, progress, answer, expected) => {
    expect(sendBlock(progress, answer)).toBe(expected);
  });

  it('gives a reference only for a failed email', () => {
    expect(failureReference({ phase: 'final', view: failed(POLICY) })).toEqual({
      emailId: EMAIL_ID,
      failedAt: FAILED_AT,
    });
    expect(
      failureReference({
        phase: 'following',
        view: { ...failed(POLICY), status: 'retrying' },
        nextReadAt: 0,
        nextReadInMs: 1000,
      }),
    ).toBeUndefined();
    expect(failureReference(null)).toBeUndefined();
  });
});

const dialog = dialogLifecycle();

describe('"Email this issue" after a send that failed', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const sendAndFail = async (lastError: EmailDeliveryView['lastError']) => {
    issueView.answers.set('sendIssueEmail', () => ({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        emailId: EMAIL_ID,
        queuedAt: '2026-11-12T14:04:59.000Z',
        status: 'queued',
        recipientCount: 1,
      },
    }));
    issueView.answers.set('getEmailStatus', () => ({ ok: true, data: failed(lastError) }));
    const { container } = dialog.track(await mount(<ReadyDialog draft={DRAFT} />));
    await typeInto(controlLabelled(container, 'To'), 'alex@example.com');
    await click(buttonNamed(container, 'Send'));
    await advance(1000);
    return container;
  };

  it('tells the sender in plain words, offers a reference for the admin and keeps Send disabled', async () => {
    const container = await sendAndFail(POLICY);
    const status = container.querySelector('[aria-label="Delivery status"]') as HTMLElement;
    expect(textOf(status)).toBe(`Not sent: ${POLICY.message}`);
    expect(textOf(status)).not.toMatch(/Test-ApplicationAccessPolicy|AADSTS|Mail\.Send|policy/);
    const reference = controlLabelled(container, 'Reference for your Jira admin');
    expect(reference.value).toContain(EMAIL_ID);
    expect(reference.readOnly).toBe(true);
    const send = buttonNamed(container, 'Send');
    expect(send.disabled).toBe(true);
    expect(send.getAttribute('aria-describedby')).toBe('send-hint');
    expect(textOf(container.querySelector('#send-hint') as Element)).toBe(BLOCKED_BY_FAILURE);
  });

  it('keeps Send enabled when sending again can help', async () => {
    const container = await sendAndFail(RECIPIENTS);
    expect(textOf(container.querySelector('[aria-label="Delivery status"]') as Element)).toBe(
      `Not sent: ${RECIPIENTS.message}`,
    );
    expect(buttonNamed(container, 'Send').disabled).toBe(false);
    expect(textOf(container.querySelector('#send-hint') as Element)).toBe('');
  });
});
