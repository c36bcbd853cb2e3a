import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CommonErrorCode,
  type AdminWarnings,
  type ConnectionTestResult,
  type CredentialView,
  type ResolverError,
} from '../../../src/contract';
import { SectionMessage, type SectionMessageAppearance } from '../../shared/components/section-message';
import { ConnectionTestResultView, type ConnectionTestOutcome } from './connection-test-result';
import { CredentialForm } from './credential-form';
import {
  CREDENTIAL_COLUMNS,
  CredentialList,
  editButtonId,
  moreActionsId,
  testButtonId,
  type RowBusy,
} from './credential-list';
import { EMAIL_LOG_TITLE, EmailLogSection } from './email-log-section';
import { deleteCredential, listCredentials, listWarnings, setDefaultCredential, testConnection } from './invokes';
import { ListSkeleton } from './list-skeleton';
import { MailSections } from './mail-sections';
import { RULES_TITLE } from './notification-rules-section';
import { PageNav } from './page-nav';
import { SETTINGS_TITLE } from './sending-settings-section';
import { SetupHint } from './setup-hint';
import { TEMPLATES_TITLE } from './template-section';
import { WarningsBanner } from './warnings-banner';
import { LoadFailed } from '../../shared/components/load-failed';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverError }
  | { state: 'refused'; error: ResolverError }
  | { state: 'loaded' };

interface Notice {
  appearance: SectionMessageAppearance;
  title?: string;
  text: string;
}

/** Test connection run from a row: its result shows under the table. `outcome` is null while it runs. */
interface RowTest {
  id: string;
  name: string;
  outcome: ConnectionTestOutcome | null;
}

const CREDENTIALS_TITLE = 'credentials-title';
const ROW_TEST_TITLE = 'row-test-title';

function upsert(list: CredentialView[], credential: CredentialView): CredentialView[] {
  const index = list.findIndex((item) => item.id === credential.id);
  if (index === -1) return [...list, credential];
  return list.map((item) => (item.id === credential.id ? credential : item));
}

/** "Issue Mailer" under Jira settings > Apps: warnings, the stored credentials and the form to add or edit one. */
export function AdminPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [credentials, setCredentials] = useState<CredentialView[]>([]);
  const [warnings, setWarnings] = useState<AdminWarnings | null>(null);
  const [warningsError, setWarningsError] = useState<ResolverError | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** A new key remounts the form: only when the admin picks another credential, not when a new one is saved. */
  const [form, setForm] = useState({ key: 0, focus: false });
  const [busy, setBusy] = useState<RowBusy>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [rowTest, setRowTest] = useState<RowTest | null>(null);
  /** The id of the element to focus after the next render, when an action removed the one that had focus. */
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const loaded = useRef(false);

  const refresh = useCallback(async () => {
    const [list, warningList] = await Promise.all([listCredentials(), listWarnings()]);
    if (!list.ok) {
      if (list.error.code === CommonErrorCode.NotAdmin) setLoad({ state: 'refused', error: list.error });
      else if (!loaded.current) setLoad({ state: 'failed', error: list.error });
      else setNotice({ appearance: 'error', title: 'The list could not be refreshed', text: list.error.message });
      return;
    }
    loaded.current = true;
    setCredentials(list.data);
    setLoad({ state: 'loaded' });
    if (warningList.ok) {
      setWarnings(warningList.data);
      setWarningsError(null);
    } else {
      setWarningsError(warningList.error);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (focusAfter === null) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, credentials, rowTest]);

  const startEditing = (id: string | null) => {
    setEditingId(id);
    setForm((current) => ({ key: current.key + 1, focus: true }));
    setNotice(null);
  };

  const closeForm = () => {
    const previous = editingId;
    setEditingId(null);
    setForm((current) => ({ key: current.key + 1, focus: false }));
    if (previous) setFocusAfter(editButtonId(previous));
  };

  const nameOf = (id: string) => credentials.find((item) => item.id === id)?.name ?? 'The credential';

  const onSaved = (credential: CredentialView) => {
    setCredentials((list) => upsert(list, credential));
    setEditingId(credential.id);
    // Saving may change which credential is the default and what the warnings say.
    void refresh();
  };

  const onTested = (id: string, result: ConnectionTestResult) => {
    setCredentials((list) => list.map((item) => (item.id === id ? { ...item, lastTest: result } : item)));
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
    setFocusAfter(ROW_TEST_TITLE);
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
    setFocusAfter(moreActionsId(id));
  };

  const onConfirmDelete = async (id: string) => {
    const name = nameOf(id);
    setNotice(null);
    setBusy({ id, action: 'delete' });
    const result = await deleteCredential(id);
    setBusy(null);
    setConfirmingDeleteId(null);
    if (result.ok) {
      setCredentials((list) => list.filter((item) => item.id !== result.data.id));
      if (editingId === id) closeForm();
      if (rowTest?.id === id) setRowTest(null);
      setNotice({ appearance: 'success', text: `${name} was deleted.` });
      setFocusAfter(CREDENTIALS_TITLE);
      void refresh();
    } else {
      setNotice({ appearance: 'error', title: `${name} was not deleted`, text: result.error.message });
      setFocusAfter(moreActionsId(id));
    }
  };

  const header = (
    <header className="im-page__header">
      <h1>Issue Mailer</h1>
      <p className="im-secondary">
        Email Jira issues through Microsoft 365. Add the OAuth2 credential of an Entra app registration allowed to send
        as your sender mailbox.
      </p>
    </header>
  );

  if (load.state === 'refused') {
    return (
      <main className="im-page">
        {header}
        <SectionMessage appearance="error" title="You don't have access">
          <p>{load.error.message}</p>
        </SectionMessage>
      </main>
    );
  }

  const editing = credentials.find((item) => item.id === editingId) ?? null;
  const now = new Date();

  return (
    <main className="im-page">
      {header}
      <PageNav
        links={[
          { target: CREDENTIALS_TITLE, label: 'Credentials' },
          { target: TEMPLATES_TITLE, label: 'Email templates' },
          { target: SETTINGS_TITLE, label: 'Sending settings' },
          { target: RULES_TITLE, label: 'Notification rules' },
          { target: EMAIL_LOG_TITLE, label: 'Email log' },
        ]}
      />

      {warnings && <WarningsBanner warnings={warnings} />}
      {warningsError && (
        <SectionMessage appearance="warning" title="Warnings could not be loaded">
          <p>{warningsError.message}</p>
        </SectionMessage>
      )}

      <section className="im-section" aria-labelledby={CREDENTIALS_TITLE} aria-busy={load.state === 'loading'}>
        <div className="im-section__header">
          <h2 id={CREDENTIALS_TITLE} tabIndex={-1}>
            Credentials
          </h2>
          <button type="button" className="im-button" onClick={() => startEditing(null)}>
            Add credential
          </button>
        </div>
        {notice && (
          <SectionMessage appearance={notice.appearance} {...(notice.title ? { title: notice.title } : {})}>
            <p>{notice.text}</p>
          </SectionMessage>
        )}
        {load.state === 'loading' && (
          <>
            <p role="status" className="im-visually-hidden">
              Loading credentials…
            </p>
            <ListSkeleton columns={[...CREDENTIAL_COLUMNS, '']} detailLine />
          </>
        )}
        {load.state === 'failed' && (
          <LoadFailed title="Credentials could not be loaded" message={load.error.message} onRetry={() => void refresh()} />
        )}
        {load.state === 'loaded' && credentials.length === 0 && (
          <p className="im-empty">No credentials yet. Add one below to start sending issues by email.</p>
        )}
        {load.state === 'loaded' && credentials.length > 0 && (
          <CredentialList
            credentials={credentials}
            selectedId={editingId}
            busy={busy}
            confirmingDeleteId={confirmingDeleteId}
            now={now}
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
              setFocusAfter(moreActionsId(id));
            }}
          />
        )}
        {rowTest && (
          <section className="im-row-test" aria-labelledby={ROW_TEST_TITLE} aria-busy={rowTest.outcome === null}>
            <div className="im-section__header">
              <h3 id={ROW_TEST_TITLE} tabIndex={-1}>
                Test connection: {rowTest.name}
              </h3>
              {rowTest.outcome && (
                <button
                  type="button"
                  className="im-button im-button--subtle"
                  onClick={() => {
                    setFocusAfter(testButtonId(rowTest.id));
                    setRowTest(null);
                  }}
                >
                  Dismiss
                </button>
              )}
            </div>
            {rowTest.outcome ? (
              <ConnectionTestResultView outcome={rowTest.outcome} />
            ) : (
              <p role="status" className="im-secondary">
                <span className="im-spinner" aria-hidden="true" /> Testing the connection…
              </p>
            )}
          </section>
        )}
      </section>

      <section className="im-section im-section--form">
        <SetupHint open={load.state === 'loaded' && credentials.length === 0} />
        <CredentialForm
          key={form.key}
          credential={editing}
          focusOnShow={form.focus}
          onSaved={onSaved}
          onTested={onTested}
          onClose={closeForm}
        />
      </section>

      <MailSections
        credentials={
          load.state === 'loaded'
            ? { state: 'loaded', data: credentials }
            : load.state === 'failed'
              ? { state: 'failed', error: load.error }
              : { state: 'loading' }
        }
      />
      <EmailLogSection />
    </main>
  );
}
