import { useState } from 'react';

import type { ConnectionTestResult, CredentialView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { ListLoading } from '../shared/list-skeleton';
import { type Notice, SectionNotice } from '../shared/section-notice';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import { CREDENTIAL_COLUMNS, CredentialList, editButtonId, moreActionsId, testButtonId } from './credential-list';
import { GoogleSetupHint } from './google-setup-hint';
import { ProviderCredentialForm } from './provider-credential-form';
import { RowTestPanel } from './row-test-panel';
import { SetupHint } from './setup-hint';
import { useAuthorizationSetup } from './use-authorization-setup';
import type { CredentialListState } from './use-credential-list';
import { useCredentialRows } from './use-credential-rows';
import { useListAuthorize } from './use-list-authorize';

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
  const [notice, setNotice] = useState<Notice | null>(null);
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

  /** A credential's new authorization, from the form's Authorize or the list's. */
  const onAuthorized = (credential: CredentialView) => {
    setCredentials((current) => upsert(current, credential));
    void refresh();
  };
  const setup = useAuthorizationSetup();

  const rows = useCredentialRows({
    list,
    titleId: CREDENTIALS_TITLE,
    setNotice,
    focusAfter,
    refresh,
    onTested,
    onDeleted: (id) => {
      if (editingId === id) closeForm();
    },
  });
  const { busy, confirmingDeleteId, setConfirmingDeleteId, rowTest, setRowTest } = rows;

  const listAuthorize = useListAuthorize({
    credentials,
    rowTestId: rowTest?.id ?? null,
    onAuthorized,
    focusAfter,
  });

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
        <SectionNotice notice={notice} />
        {listAuthorize.aboveTable}
        {loading && <ListLoading label="Loading credentials…" columns={[...CREDENTIAL_COLUMNS, '']} detailLine />}
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
            onTest={(id) => void rows.onRowTest(id)}
            onAuthorize={listAuthorize.authorize}
            onMakeDefault={(id) => void rows.onMakeDefault(id)}
            onAskDelete={(id) => {
              setNotice(null);
              setConfirmingDeleteId(id);
            }}
            onConfirmDelete={(id) => void rows.onConfirmDelete(id)}
            onKeep={(id) => {
              setConfirmingDeleteId(null);
              focusAfter(moreActionsId(id));
            }}
          />
        )}
        {rowTest && (
          <RowTestPanel
            rowTest={rowTest}
            onAuthorizeAgain={() => listAuthorize.authorize(rowTest.id)}
            authorizeMessage={listAuthorize.inRowTest}
            onDismiss={() => {
              focusAfter(testButtonId(rowTest.id));
              setRowTest(null);
            }}
          />
        )}
      </section>

      <section className="im-section im-section--form">
        <SetupHint open={load.state === 'loaded' && credentials.length === 0} />
        <GoogleSetupHint />
        {form.open && (
          <ProviderCredentialForm
            key={form.key}
            credential={editing}
            focusOnShow={form.focus}
            onSaved={onSaved}
            onTested={onTested}
            onClose={closeForm}
            setup={setup}
            onAuthorized={onAuthorized}
          />
        )}
      </section>
    </>
  );
};
