import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CredentialView } from '../../../src/contract';
import { ActionsMenu } from './actions-menu';
import { ExpiryCell, LastTestCell } from './credential-cells';
import { GRANT_TYPE_LABELS, providerLabel } from './form-state';

/** What a row is doing right now; its buttons wait meanwhile. */
export type RowBusy = { id: string; action: 'test' | 'default' | 'delete' } | null;

interface CredentialListProps {
  credentials: CredentialView[];
  selectedId: string | null;
  busy: RowBusy;
  confirmingDeleteId: string | null;
  now: Date;
  onEdit(id: string): void;
  onTest(id: string): void;
  onMakeDefault(id: string): void;
  onAskDelete(id: string): void;
  onConfirmDelete(id: string): void;
  onKeep(id: string): void;
}

/** Ids the page moves focus to after an action. */
export const editButtonId = (id: string) => `edit-${id}`;
export const testButtonId = (id: string) => `test-${id}`;
export const moreActionsId = (id: string) => `more-${id}`;

function DeleteConfirmation({
  credential,
  busy,
  onConfirm,
  onKeep,
}: {
  credential: CredentialView;
  busy: boolean;
  onConfirm(): void;
  onKeep(): void;
}) {
  const keepRef = useRef<HTMLButtonElement>(null);
  // Focus moves to the safe choice, since the menu item that asked is gone. (The autofocus attribute is not
  // honoured for elements inserted after load.)
  useEffect(() => keepRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onKeep();
    }
  };
  return (
    <span
      className="im-button-row im-confirm"
      role="group"
      aria-label={`Delete ${credential.name}?`}
      onKeyDown={onKeyDown}
    >
      <span className="im-confirm__question" aria-hidden="true">
        Delete?
      </span>
      <button
        type="button"
        className="im-button im-button--danger"
        aria-disabled={busy}
        onClick={() => !busy && onConfirm()}
      >
        {busy && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
        Delete
      </button>
      <button ref={keepRef} type="button" className="im-button im-button--subtle" onClick={onKeep}>
        Keep
      </button>
    </span>
  );
}

/** A long address wraps before its domain rather than mid-word. */
function MailboxText({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

/** The stored credentials as a Jira admin table; delete asks for confirmation in its row. */
export function CredentialList(props: CredentialListProps) {
  const { credentials, selectedId, busy, confirmingDeleteId, now } = props;
  return (
    <div className="im-table-wrap">
      <table className="im-table">
        <caption className="im-visually-hidden">Stored credentials</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Provider</th>
            <th scope="col">Grant type</th>
            <th scope="col">Client ID</th>
            <th scope="col">Sender mailbox</th>
            <th scope="col">Last test</th>
            <th scope="col">Expiry</th>
            <th scope="col">
              <span className="im-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((credential) => {
            const rowBusy = busy?.id === credential.id ? busy.action : null;
            return (
              <tr
                key={credential.id}
                aria-current={credential.id === selectedId ? 'true' : undefined}
                aria-busy={rowBusy ? 'true' : undefined}
              >
                <th scope="row">
                  <span className="im-cell-stack">
                    <span className="im-break">{credential.name}</span>
                    {credential.isDefault && <span className="im-lozenge">Default</span>}
                  </span>
                </th>
                <td>{providerLabel(credential.provider)}</td>
                <td>{GRANT_TYPE_LABELS[credential.grantType] ?? credential.grantType}</td>
                <td>
                  <code className="im-client-id">{credential.clientId}</code>
                </td>
                <td className="im-break">
                  <MailboxText address={credential.senderMailbox} />
                </td>
                <td>
                  <LastTestCell credential={credential} now={now} />
                </td>
                <td>
                  <ExpiryCell credential={credential} now={now} />
                </td>
                <td className="im-actions">
                  {confirmingDeleteId === credential.id ? (
                    <DeleteConfirmation
                      credential={credential}
                      busy={rowBusy === 'delete'}
                      onConfirm={() => props.onConfirmDelete(credential.id)}
                      onKeep={() => props.onKeep(credential.id)}
                    />
                  ) : (
                    <span className="im-button-row">
                      <button
                        id={editButtonId(credential.id)}
                        type="button"
                        className="im-button im-button--subtle"
                        aria-label={`Edit ${credential.name}`}
                        onClick={() => props.onEdit(credential.id)}
                      >
                        Edit
                      </button>
                      <button
                        id={testButtonId(credential.id)}
                        type="button"
                        className="im-button im-button--subtle"
                        aria-label={`Test connection for ${credential.name}`}
                        aria-disabled={busy !== null}
                        onClick={() => busy === null && props.onTest(credential.id)}
                      >
                        {rowBusy === 'test' && <span className="im-spinner" aria-hidden="true" />}
                        Test connection
                      </button>
                      <ActionsMenu
                        id={moreActionsId(credential.id)}
                        label={`More actions for ${credential.name}`}
                        disabled={busy !== null}
                        actions={[
                          ...(credential.isDefault
                            ? []
                            : [{ label: 'Make default', onSelect: () => props.onMakeDefault(credential.id) }]),
                          { label: 'Delete', onSelect: () => props.onAskDelete(credential.id) },
                        ]}
                      />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
