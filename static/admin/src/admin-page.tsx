import { useCallback, useEffect, useState } from 'react';
import type { ConnectionTestResult, CredentialView, ResolverError } from '../../../src/contract';
import { SectionMessage } from '../../shared/components/section-message';
import { CredentialForm } from './credential-form';
import { CredentialList } from './credential-list';
import { deleteCredential, listCredentials } from './invokes';
import { SetupHint } from './setup-hint';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded' };

function upsert(list: CredentialView[], credential: CredentialView): CredentialView[] {
  const index = list.findIndex((item) => item.id === credential.id);
  if (index === -1) return [...list, credential];
  return list.map((item) => (item.id === credential.id ? credential : item));
}

/** "Issue Mailer" under Jira settings > Apps: the stored credentials and the form to add or edit one. */
export function AdminPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [credentials, setCredentials] = useState<CredentialView[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** Remounts the form only when the admin picks another credential, not when a new one gets saved. */
  const [formKey, setFormKey] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [listNotice, setListNotice] = useState<{ appearance: 'success' | 'error'; text: string } | null>(null);

  const reload = useCallback(async () => {
    const result = await listCredentials();
    if (result.ok) {
      setCredentials(result.data);
      setLoad({ state: 'loaded' });
    } else {
      setLoad({ state: 'failed', error: result.error });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const startEditing = (id: string | null) => {
    setEditingId(id);
    setFormKey((key) => key + 1);
    setListNotice(null);
  };

  const onSaved = (credential: CredentialView) => {
    setCredentials((list) => upsert(list, credential));
    setEditingId(credential.id);
    // Saving may change which credential is the default: take the backend's view of the whole list.
    void reload();
  };

  const onTested = (id: string, result: ConnectionTestResult) => {
    setCredentials((list) => list.map((item) => (item.id === id ? { ...item, lastTest: result } : item)));
  };

  const onDelete = async (id: string) => {
    const name = credentials.find((item) => item.id === id)?.name ?? 'The credential';
    setBusyId(id);
    const result = await deleteCredential(id);
    setBusyId(null);
    if (result.ok) {
      setCredentials((list) => list.filter((item) => item.id !== result.data.id));
      if (editingId === id) startEditing(null);
      setListNotice({ appearance: 'success', text: `${name} was deleted.` });
      void reload();
    } else {
      setListNotice({ appearance: 'error', text: result.error.message });
    }
  };

  const editing = credentials.find((item) => item.id === editingId) ?? null;

  return (
    <main className="im-page">
      <header className="im-page__header">
        <div>
          <h1>Issue Mailer</h1>
          <p className="im-secondary">
            Email Jira issues through Microsoft 365. Add the OAuth2 credential of an Entra app registration allowed to
            send as your sender mailbox.
          </p>
        </div>
      </header>

      <SetupHint />

      <section className="im-section" aria-labelledby="credentials-title">
        <div className="im-section__header">
          <h2 id="credentials-title">Credentials</h2>
          <button type="button" className="im-button" onClick={() => startEditing(null)}>
            Add credential
          </button>
        </div>
        {listNotice && (
          <SectionMessage appearance={listNotice.appearance}>
            <p>{listNotice.text}</p>
          </SectionMessage>
        )}
        {load.state === 'loading' && (
          <p role="status" className="im-secondary">
            <span className="im-spinner" aria-hidden="true" /> Loading credentials…
          </p>
        )}
        {load.state === 'failed' && (
          <SectionMessage appearance="error" title="Credentials could not be loaded">
            <p>{load.error.message}</p>
            <p>
              <button type="button" className="im-link-button" onClick={() => void reload()}>
                Try again
              </button>
            </p>
          </SectionMessage>
        )}
        {load.state === 'loaded' && credentials.length === 0 && (
          <p className="im-empty">No credentials yet. Add one below to start sending issues by email.</p>
        )}
        {credentials.length > 0 && (
          <CredentialList
            credentials={credentials}
            selectedId={editingId}
            busyId={busyId}
            onEdit={startEditing}
            onDelete={(id) => void onDelete(id)}
          />
        )}
      </section>

      <section className="im-section im-section--form">
        <CredentialForm
          key={formKey}
          credential={editing}
          onSaved={onSaved}
          onTested={onTested}
          onCancel={() => startEditing(null)}
        />
      </section>
    </main>
  );
}
