import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { type FieldErrors, normaliseFieldErrors } from '../../shared/field-errors';
import { ATTACHMENTS_ID } from './attachment-list';
import { LATEST_COMMENTS_ID } from './comments-choice';
import { ComposeForm } from './compose-form';
import { ComposeNotices } from './compose-notices';
import { DeliveryStatus } from './delivery-status';
import { DialogFooter } from './dialog-footer';
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
    <DialogFooter
      onCompose={onCompose}
      allowed={allowed}
      configured={configured}
      done={done}
      busy={busy}
      canSend={canSend}
      hint={hint?.message}
      status={
        onCompose
          ? sender.sending
            ? 'Queuing the email…'
            : sender.stage === 'editing'
              ? (hint?.message ?? '')
              : ''
          : ''
      }
      cancels={sender.stage === 'editing' && onCompose && allowed}
      sending={sender.sending}
      closeRef={closeRef}
      onPreview={() => void showPreview()}
      onSend={() => void send()}
    />
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
        <ComposeNotices draft={draft} configured={configured} error={sender.error} errorRef={errorRef} />
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
