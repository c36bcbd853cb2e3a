import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { SectionMessage } from '../../shared/components/section-message';
import { type FieldErrors, normaliseFieldErrors } from '../../shared/field-errors';
import { ATTACHMENTS_ID } from './attachment-list';
import { closeDialog } from './close-dialog';
import { LATEST_COMMENTS_ID } from './comments-choice';
import { ComposeForm } from './compose-form';
import { DeliveryStatus } from './delivery-status';
import { DialogShell } from './dialog-shell';
import { DialogTabs, panelId, tabId, type TabItem } from './dialog-tabs';
import { HistoryPanel } from './history-panel';
import { PreviewPanel } from './preview-panel';
import { sendBlock } from './send-block';
import { SHOWN_ELSEWHERE } from './send-rules';
import { SenderField } from './sender-field';
import { useCompose } from './use-compose';
import { useEmailHistory } from './use-email-history';
import { useEmailPreview } from './use-email-preview';
import { useSendEmail } from './use-send-email';

type TabKey = 'compose' | 'history';
const TABS: readonly TabItem<TabKey>[] = [
  { key: 'compose', label: 'Compose' },
  { key: 'history', label: 'History' },
];

/** Where each payload field's error is shown, in the form's order: focus goes to the first. */
const ERROR_TARGETS: ReadonlyArray<[field: string, elementId: string]> = [
  ['credentialId', 'email-from'],
  ['to', 'email-to'],
  ['cc', 'email-cc'],
  ['bcc', 'email-bcc'],
  ['replyTo', 'email-reply-to'],
  ['subject', 'email-subject'],
  ['message', 'email-message'],
  ['templateId', 'email-template'],
  ['comments', LATEST_COMMENTS_ID],
  ['latestComments', LATEST_COMMENTS_ID],
  ['attachmentIds', ATTACHMENTS_ID],
];

/**
 * The dialog once the draft is here: Compose (with its preview) and History tabs, Send in the footer. After
 * "Send" it stays open and follows the queued email until it is sent (then only Close is left) or failed (then
 * the form, still filled in, can be fixed and sent again).
 */
export const ReadyDialog = ({ draft }: { draft: IssueEmailDraft }) => {
  const compose = useCompose(draft);
  const [tab, setTab] = useState<TabKey>('compose');
  const [previewing, setPreviewing] = useState(false);
  const preview = useEmailPreview();
  const history = useEmailHistory(tab === 'history');
  const sender = useSendEmail(draft, () => history.refresh());
  const toRef = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const allowed = draft.permission.allowed;
  const configured = draft.senderMailbox !== null;
  // After a failure only an admin can fix, pressing Send again would fail the same way.
  const blocked = sendBlock(sender.progress, sender.error);
  const canSend = compose.blockers.length === 0 && blocked === undefined;
  const busy = sender.sending || sender.stage === 'following';
  const done = sender.stage === 'done';
  // Permission and configuration have their own section message; then no hint about the form is worth giving.
  const hint = compose.blockers.some((blocker) => SHOWN_ELSEWHERE.has(blocker.kind))
    ? undefined
    : blocked === undefined
      ? compose.blockers[0]
      : { message: blocked };

  useEffect(() => {
    if (allowed && configured) toRef.current?.focus();
  }, [allowed, configured]);

  useEffect(() => {
    if (!done) return;
    // Send went away and the form is disabled: focus would fall to the page unless it is somewhere still useful.
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('fieldset:disabled')) closeRef.current?.focus();
  }, [done]);

  const showFieldErrors = (error: ResolverError) => {
    const fieldErrors: FieldErrors = normaliseFieldErrors(error.fieldErrors);
    compose.setErrors(fieldErrors);
    const first = ERROR_TARGETS.find(([field]) => field in fieldErrors);
    // After the next render: a Bcc field with an error only appears then.
    setTimeout(() => {
      if (first) document.getElementById(first[1])?.focus();
      else errorRef.current?.scrollIntoView({ block: 'nearest' });
    }, 0);
  };

  const send = async () => {
    if (!canSend || busy || done) return;
    setTab('compose');
    setPreviewing(false);
    const error = await sender.send(compose.input());
    if (error) showFieldErrors(error);
  };

  const showPreview = async () => {
    if (busy || done) return;
    setPreviewing(true);
    bodyRef.current?.scrollTo({ top: 0 });
    const error = await preview.run(compose.input(), compose.shownRecipients());
    if (error?.fieldErrors) compose.setErrors(normaliseFieldErrors(error.fieldErrors));
  };

  const edit = () => {
    setPreviewing(false);
    preview.reset();
    setTimeout(() => toRef.current?.focus(), 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Ctrl/Cmd+Enter sends from anywhere in the form, as in Jira's comment editor.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && tab === 'compose') {
      event.preventDefault();
      void send();
    }
  };

  const onCompose = tab === 'compose';
  const footer = (
    <>
      {onCompose && allowed && !done && (
        <button
          type="button"
          className="im-button"
          disabled={!configured}
          aria-disabled={busy || undefined}
          onClick={() => void showPreview()}
        >
          Preview
        </button>
      )}
      <p className="im-dialog__hint" id="send-hint" role="status">
        {onCompose && (sender.sending ? 'Queuing the email…' : sender.stage === 'editing' ? (hint?.message ?? '') : '')}
      </p>
      <div className="im-dialog__actions">
        <button
          ref={closeRef}
          type="button"
          className={`im-button ${done ? 'im-button--primary' : 'im-button--subtle'}`}
          onClick={() => void closeDialog()}
        >
          {/* History only shows: nothing there to cancel. */}
          {sender.stage === 'editing' && onCompose && allowed ? 'Cancel' : 'Close'}
        </button>
        {/* Someone who may not send gets the reason and no form: nothing to send either. */}
        {onCompose && !done && allowed && (
          <button
            type="button"
            className="im-button im-button--primary"
            disabled={!canSend}
            aria-disabled={busy || undefined}
            aria-describedby={hint ? 'send-hint' : undefined}
            onClick={() => void send()}
          >
            {sender.sending && <span className="im-spinner" aria-hidden="true" />}
            Send
          </button>
        )}
      </div>
    </>
  );

  return (
    <DialogShell
      issue={{ key: draft.issueKey, summary: draft.issueSummary }}
      tabs={<DialogTabs<TabKey> label="Email this issue" tabs={TABS} selected={tab} onSelect={setTab} />}
      footer={footer}
      status={<DeliveryStatus progress={sender.progress} />}
      bodyRef={bodyRef}
      onKeyDown={onKeyDown}
    >
      <div
        role="tabpanel"
        id={panelId('compose')}
        aria-labelledby={tabId('compose')}
        hidden={!onCompose}
        className="im-panel"
      >
        {!allowed && (
          <SectionMessage appearance="warning" title="You can't email this issue">
            <p>{draft.permission.allowed ? '' : draft.permission.reason}</p>
          </SectionMessage>
        )}
        {allowed && !configured && (
          <SectionMessage appearance="warning" title="Email is not configured">
            <p>
              Issue Mailer has no Microsoft 365 credential yet. Ask a Jira admin to add one under Jira settings &gt;
              Apps &gt; Issue Mailer.
            </p>
          </SectionMessage>
        )}
        {sender.error && (
          <div ref={errorRef}>
            <SectionMessage appearance="error" title="The email was not sent">
              <p>{sender.error.message}</p>
            </SectionMessage>
          </div>
        )}
        {allowed && previewing && <PreviewPanel state={preview.state} onEdit={edit} />}
        {allowed && (
          <div className="im-panel" hidden={previewing}>
            {configured && <SenderField draft={draft} compose={compose} error={compose.errors.credentialId} />}
            <ComposeForm draft={draft} compose={compose} disabled={!configured || busy || done} toRef={toRef} />
          </div>
        )}
        <p className="im-visually-hidden" role="status">
          {compose.recipients.announcement}
        </p>
      </div>
      <div
        role="tabpanel"
        id={panelId('history')}
        aria-labelledby={tabId('history')}
        hidden={onCompose}
        className="im-panel"
      >
        <HistoryPanel state={history.state} onReload={() => void history.reload()} />
      </div>
    </DialogShell>
  );
};
