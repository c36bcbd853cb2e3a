import { useEffect, useState } from 'react';

import type { ConnectionTestResult, CredentialView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { SectionMessage, type SectionMessageAppearance } from '../../../shared/components/section-message';
import { deleteCredential, setDefaultCredential, testConnection } from '../shared/invokes';
import { ListSkeleton } from '../shared/list-skeleton';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import { CredentialForm } from './credential-form';
import {
  CREDENTIAL_COLUMNS,
  CredentialList,
  editButtonId,
  moreActionsId,
  type RowBusy,
  testButtonId,
} from './credential-list';
import { ROW_TEST_TITLE, type RowTest, RowTestPanel } from './row-test-panel';
import { SetupHint } from './setup-hint';
import type { CredentialListState } from './use-credential-list';

interface Notice {
  appearance: SectionMessageAppearance;
  title?: string;
  text: string;
}

export const CREDENTIALS_TITLE = 'credentials-title';
const ADD_BUTTON = 'add-credential-button';

const upsert = (list: CredentialView[], credential: CredentialView): CredentialView[] => {
  const index = list.findIndex((item) => item.id === credential.id);
  if (index === -1) return [...list, credential];
  return list.map((item) => (item.id === credential.id ? credential : item));
};

/**
 * The "Credentials" tab: the stored credentials with their row actions, and the form to add or edit one, shown only
 * once the admin asks ("Add credential", "Edit") and gone again on Cancel or Close.
 */
export const CredentialsSection = ({ list }: { list: CredentialListState }) => {
  const { load, credentials, setCredentials } = list;
  const [editingId, setEditingId] = useState<string | null>(null);
  /** `open` shows the form; a new key remounts it, only when the admin picks another credential, not on a save. */
  const [form, setForm] = useState({ open: false, key: 0, focus: false });
  const [busy, setBusy] = useState<RowBusy>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [rowTest, setRowTest] = useState<RowTest | null>(null);
  /** Focus for an element the next render shows, when an action removed the one that had focus. */
  const focusAfter = useFocusAfterRender();

  const refresh = async () => {
    const error = await list.refresh();
    if (error) setNotice({ appearance: 'error', title: 'The list could not be refreshed', text: error.message });
  };

  const startEditing = (id: string | null) => {
    setEditingId(id);
    setForm((current) => ({ open: true, key: current.key + 1, focus: true }));
    setNotice(null);
  };

  const closeForm = () => {
    const previous = editingId;
    setEditingId(null);
    setForm((current) => ({ open: false, key: current.key + 1, focus: false }));
    focusAfter(previous ? editButtonId(previous) : ADD_BUTTON);
  };

  const nameOf = (id: string) => credentials.find((item) => item.id === id)?.name ?? 'The credential';

  const onSaved = (credential: CredentialView) => {
    setCredentials((current) => upsert(current, credential));
    setEditingId(credential.id);
    // Saving may change which credential is the default and what the warnings say.
    void refresh();
  };

  const onTested = (id: string, result: ConnectionTestResult) => {
    setCredentials((current) => current.map((item) => (item.id === id ? { ...item, lastTest: result } : item)));
    // A test may promote the next secret or clear a warning.
    void refresh();
  };

  const onRowTest = async (id: string) => {
    setBusy({ id, action: 'test' });
    setRowTest({ id, name: nameOf(id), outcome: null });
    const result = await testConnection(id);
    setRowTest({
      id,
      name: nameOf(id),
      outcome: result.ok ? { kind: 'result', result: result.data } : { kind: 'error', error: result.error },
    });
    if (result.ok) onTested(id, result.data);
    setBusy(null);
    focusAfter(ROW_TEST_TITLE);
  };

  const onMakeDefault = async (id: string) => {
    setNotice(null);
    setBusy({ id, action: 'default' });
    const result = await setDefaultCredential(id);
    setBusy(null);
    if (result.ok) {
      setNotice({ appearance: 'success', text: `${result.data.name} is now the default credential.` });
      await refresh();
    } else {
      setNotice({ appearance: 'error', title: `${nameOf(id)} was not made the default`, text: result.error.message });
    }
    focusAfter(moreActionsId(id));
  };

  const onConfirmDelete = async (id: string) => {
    const name = nameOf(id);
    setNotice(null);
    setBusy({ id, action: 'delete' });
    const result = await deleteCredential(id);
    setBusy(null);
    setConfirmingDeleteId(null);
    if (result.ok) {
      setCredentials((current) => current.filter((item) => item.id !== result.data.id));
      if (editingId === id) closeForm();
      if (rowTest?.id === id) setRowTest(null);
      setNotice({ appearance: 'success', text: `${name} was deleted.` });
      focusAfter(CREDENTIALS_TITLE);
      void refresh();
    } else {
      setNotice({ appearance: 'error', title: `${name} was not deleted`, text: result.error.message });
      focusAfter(moreActionsId(id));
    }
  };

  const editing = credentials.find((item) => item.id === editingId) ?? null;
  const loading = load.state === 'idle' || load.state === 'loading';

  return (
    <>
      <section className="im-section" aria-labelledby={CREDENTIALS_TITLE} aria-busy={loading}>
        <div className="im-section__header">
          <h2 id={CREDENTIALS_TITLE} tabIndex={-1}>
            Credentials
          </h2>
          <button
            id={ADD_BUTTON}
            type="button"
            className="im-button"
            aria-expanded={form.open && editingId === null}
            onClick={() => startEditing(null)}
          >
            Add credential
          </button>
        </div>
        {notice && (
          <SectionMessage appearance={notice.appearance} {...(notice.title ? { title: notice.title } : {})}>
            <p>{notice.text}</p>
          </SectionMessage>
        )}
        {loading && (
          <>
            <p role="status" className="im-visually-hidden">
              Loading credentials…
            </p>
            <ListSkeleton columns={[...CREDENTIAL_COLUMNS, '']} detailLine />
          </>
        )}
        {load.state === 'failed' && (
          <LoadFailed title="Credentials could not be loaded" message={load.error.message} onRetry={list.retry} />
        )}
        {load.state === 'loaded' && credentials.length === 0 && (
          <p className="im-empty">No credentials yet. Add one to start sending issues by email.</p>
        )}
        {load.state === 'loaded' && credentials.length > 0 && (
          <CredentialList
            credentials={credentials}
            selectedId={editingId}
            busy={busy}
            confirmingDeleteId={confirmingDeleteId}
            now={new Date()}
            onEdit={startEditing}
            onTest={(id) => void onRowTest(id)}
            onMakeDefault={(id) => void onMakeDefault(id)}
            onAskDelete={(id) => {
              setNotice(null);
              setConfirmingDeleteId(id);
            }}
            onConfirmDelete={(id) => void onConfirmDelete(id)}
            onKeep={(id) => {
              setConfirmingDeleteId(null);
              focusAfter(moreActionsId(id));
            }}
          />
        )}
        {rowTest && (
          <RowTestPanel
            rowTest={rowTest}
            onDismiss={() => {
              focusAfter(testButtonId(rowTest.id));
              setRowTest(null);
            }}
          />
        )}
      </section>

      <section className="im-section im-section--form">
        <SetupHint open={load.state === 'loaded' && credentials.length === 0} />
        {form.open && (
          <CredentialForm
            key={form.key}
            credential={editing}
            focusOnShow={form.focus}
            onSaved={onSaved}
            onTested={onTested}
            onClose={closeForm}
          />
        )}
      </section>
    </>
  );
};
