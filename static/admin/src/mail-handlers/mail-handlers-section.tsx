import { useState } from 'react';

import type { CredentialView, MailHandlerView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import type { Loadable } from '../../../shared/loadable';
import { deleteMailHandler } from '../shared/invokes';
import { ListLoading } from '../shared/list-skeleton';
import { type Notice, SectionNotice } from '../shared/section-notice';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import { HandlerTestPanel } from './handler-test-panel';
import { MailHandlerForm } from './mail-handler-form';
import { deleteHandlerButtonId, editHandlerButtonId, HANDLER_COLUMNS, MailHandlerList } from './mail-handler-list';
import { useMailHandlers } from './use-mail-handlers';

export const HANDLERS_TITLE = 'mail-handlers-title';
const CREATE_HANDLER_BUTTON = 'create-mail-handler';

/** A new key remounts the form or the test: only when the admin opens another, not when one is saved. */
interface Opened {
  handler: MailHandlerView | null;
  key: number;
}

/** "Mail handlers": which mailbox folders Issue Mailer reads, and what it does with the mail. */
export const MailHandlersSection = ({ credentials }: { credentials: Loadable<CredentialView[]> }) => {
  const data = useMailHandlers();
  const { handlers, upsert, remove } = data;
  const [form, setForm] = useState<Opened | null>(null);
  const [test, setTest] = useState<{ handler: MailHandlerView; key: number } | null>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const focusAfter = useFocusAfterRender();
  const credentialList = credentials.state === 'loaded' ? credentials.data : [];

  const open = (handler: MailHandlerView | null) => {
    setNotice(null);
    setForm((current) => ({ handler, key: (current?.key ?? 0) + 1 }));
  };

  const close = () => {
    const handler = form?.handler;
    setForm(null);
    focusAfter(handler ? editHandlerButtonId(handler.id) : CREATE_HANDLER_BUTTON);
  };

  const onConfirmDelete = async (handler: MailHandlerView) => {
    setNotice(null);
    setDeletingId(handler.id);
    const result = await deleteMailHandler(handler.id);
    setDeletingId(null);
    setConfirmingDeleteId(null);
    if (result.ok) {
      remove(handler.id);
      if (form?.handler?.id === handler.id) setForm(null);
      if (test?.handler.id === handler.id) setTest(null);
      setNotice({ appearance: 'success', text: `${handler.name} was deleted.` });
      focusAfter(HANDLERS_TITLE);
    } else {
      setNotice({ appearance: 'error', title: `${handler.name} was not deleted`, text: result.error.message });
      focusAfter(deleteHandlerButtonId(handler.id));
    }
  };

  return (
    <section
      className="im-section im-section--page"
      aria-labelledby={HANDLERS_TITLE}
      aria-busy={handlers.state === 'loading'}
    >
      <div className="im-section__header">
        <h2 id={HANDLERS_TITLE} tabIndex={-1}>
          Mail handlers
        </h2>
        <button id={CREATE_HANDLER_BUTTON} type="button" className="im-button" onClick={() => open(null)}>
          Create handler
        </button>
      </div>
      <p className="im-secondary">
        Read a mailbox folder: replies become comments on their issue, and new mail opens issues. Mail from Issue Mailer
        itself, auto-replies and delivery reports are never taken.
      </p>
      <SectionNotice notice={notice} />
      {handlers.state === 'loading' && (
        <ListLoading label="Loading mail handlers…" columns={[...HANDLER_COLUMNS, '']} />
      )}
      {handlers.state === 'failed' && (
        <LoadFailed
          title="Mail handlers could not be loaded"
          message={handlers.error.message}
          onRetry={() => void data.refresh()}
        />
      )}
      {handlers.state === 'loaded' && handlers.data.length === 0 && (
        <p className="im-empty">No mail handlers yet. Create one to turn a mailbox's mail into issues and comments.</p>
      )}
      {handlers.state === 'loaded' && handlers.data.length > 0 && (
        <MailHandlerList
          handlers={handlers.data}
          credentials={credentialList}
          selectedId={form?.handler?.id ?? null}
          confirmingDeleteId={confirmingDeleteId}
          deletingId={deletingId}
          onEdit={open}
          onTest={(handler) => setTest({ handler, key: Date.now() })}
          onAskDelete={(handler) => {
            setNotice(null);
            setConfirmingDeleteId(handler.id);
          }}
          onConfirmDelete={(handler) => void onConfirmDelete(handler)}
          onKeep={(handler) => {
            setConfirmingDeleteId(null);
            focusAfter(deleteHandlerButtonId(handler.id));
          }}
        />
      )}
      {test && <HandlerTestPanel key={test.key} handler={test.handler} onClose={() => setTest(null)} />}
      {form && (
        <MailHandlerForm
          key={form.key}
          handler={form.handler}
          defaultCredentialId={credentialList.find((credential) => credential.isDefault)?.id ?? ''}
          credentials={credentials}
          projects={data.projects}
          onSaved={(handler) => {
            upsert(handler);
            setForm((current) => current && { ...current, handler });
          }}
          onClose={close}
        />
      )}
    </section>
  );
};
