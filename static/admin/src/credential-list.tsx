import { useState } from 'react';
import type { CredentialView } from '../../../src/contract';
import { formatDate, formatDateTime, secretExpiryState } from './format';
import { PROVIDER_LABELS } from './form-state';

interface CredentialListProps {
  credentials: CredentialView[];
  selectedId: string | null;
  busyId: string | null;
  onEdit(id: string): void;
  onDelete(id: string): void;
}

function SecretCell({ credential }: { credential: CredentialView }) {
  if (!credential.hasSecret) return <span className="im-lozenge im-lozenge--danger">Not set</span>;
  const expiry = secretExpiryState(credential.secretExpiresOn, new Date());
  const expiresOn = credential.secretExpiresOn ? formatDate(credential.secretExpiresOn) : null;
  return (
    <span className="im-cell-stack">
      <span className="im-lozenge im-lozenge--success">Set</span>
      {expiry === 'expired' && <span className="im-lozenge im-lozenge--danger">Expired {expiresOn}</span>}
      {expiry === 'soon' && <span className="im-lozenge im-lozenge--warning">Expires {expiresOn}</span>}
      {expiry === 'ok' && <span className="im-secondary">Expires {expiresOn}</span>}
      {expiry === 'none' && <span className="im-secondary">No expiry date recorded</span>}
    </span>
  );
}

function LastTestCell({ credential }: { credential: CredentialView }) {
  const test = credential.lastTest;
  if (!test) return <span className="im-secondary">Not tested yet</span>;
  return (
    <span className="im-cell-stack">
      <span className={`im-lozenge ${test.ok ? 'im-lozenge--success' : 'im-lozenge--danger'}`}>
        {test.ok ? 'Passed' : 'Failed'}
      </span>
      <span className="im-secondary">{formatDateTime(test.testedAt)}</span>
      {!test.ok && <code>{test.code}</code>}
    </span>
  );
}

/** The stored credentials as a Jira admin table; delete asks for confirmation in place. */
export function CredentialList({ credentials, selectedId, busyId, onEdit, onDelete }: CredentialListProps) {
  const [confirmingId, setConfirmingId] = useState<string | null>(null);

  return (
    <div className="im-table-wrap">
      <table className="im-table">
        <caption className="im-visually-hidden">Stored credentials</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Provider</th>
            <th scope="col">Client ID</th>
            <th scope="col">Sender mailbox</th>
            <th scope="col">Client secret</th>
            <th scope="col">Last test</th>
            <th scope="col">
              <span className="im-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((credential) => (
            <tr key={credential.id} aria-current={credential.id === selectedId ? 'true' : undefined}>
              <th scope="row">
                <span className="im-cell-stack">
                  <span>{credential.name}</span>
                  {credential.isDefault && <span className="im-lozenge">Default</span>}
                </span>
              </th>
              <td>{PROVIDER_LABELS[credential.provider]}</td>
              <td>
                <code className="im-nowrap">{credential.clientId}</code>
              </td>
              <td className="im-break">{credential.senderMailbox}</td>
              <td>
                <SecretCell credential={credential} />
              </td>
              <td>
                <LastTestCell credential={credential} />
              </td>
              <td className="im-actions">
                {confirmingId === credential.id ? (
                  <span className="im-button-row" role="group" aria-label={`Delete ${credential.name}?`}>
                    <button
                      type="button"
                      className="im-button im-button--danger"
                      disabled={busyId === credential.id}
                      onClick={() => {
                        setConfirmingId(null);
                        onDelete(credential.id);
                      }}
                    >
                      Delete
                    </button>
                    {/* Focus moves to the safe choice, since the Delete button that was pressed is gone. */}
                    <button
                      type="button"
                      className="im-button im-button--subtle"
                      autoFocus
                      onClick={() => setConfirmingId(null)}
                    >
                      Keep
                    </button>
                  </span>
                ) : (
                  <span className="im-button-row">
                    <button
                      type="button"
                      className="im-button im-button--subtle"
                      aria-label={`Edit ${credential.name}`}
                      onClick={() => onEdit(credential.id)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="im-button im-button--subtle"
                      aria-label={`Delete ${credential.name}`}
                      disabled={busyId === credential.id}
                      onClick={() => setConfirmingId(credential.id)}
                    >
                      Delete
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
