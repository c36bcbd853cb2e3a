import type { CredentialView } from '../../../../src/contract';
import { AdminTable, RowNameCell } from '../shared/admin-table';
import { InlineConfirm } from '../shared/inline-confirm';
import { ActionsMenu } from './actions-menu';
import { NOT_AUTHORIZED } from './authorization-panel';
import { ExpiryCell, LastTestCell } from './credential-cells';
import { grantTypeLabel, providerLabel } from './form-state';

/** What a row is doing right now; its buttons wait meanwhile. */
export type RowBusy = { id: string; action: 'test' | 'default' | 'delete' } | null;

interface CredentialListProps {
  credentials: CredentialView[];
  selectedId: string | null;
  busy: RowBusy;
  confirmingDeleteId: string | null;
  now: Date;
  onEdit: (id: string) => void;
  onTest: (id: string) => void;
  /** Authorization code credentials: sign a mailbox in. */
  onAuthorize: (id: string) => void;
  onMakeDefault: (id: string) => void;
  onAskDelete: (id: string) => void;
  onConfirmDelete: (id: string) => void;
  onKeep: (id: string) => void;
}

/** The table's data columns, also the loading placeholder's. */
export const CREDENTIAL_COLUMNS = [
  'Name',
  'Provider',
  'Grant type',
  'Client ID',
  'Sender mailbox',
  'Last test',
  'Expiry',
] as const;

/** Ids the page moves focus to after an action. */
export const editButtonId = (id: string) => `edit-${id}`;
export const testButtonId = (id: string) => `test-${id}`;
export const moreActionsId = (id: string) => `more-${id}`;

/** A long address wraps before its domain rather than mid-word. */
const MailboxText = ({ address }: { address: string }) => {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
};

/** The stored credentials as a Jira admin table; delete asks for confirmation in its row. */
export const CredentialList = (props: CredentialListProps) => {
  const { credentials, selectedId, busy, confirmingDeleteId, now } = props;
  return (
    <AdminTable caption="Stored credentials" columns={CREDENTIAL_COLUMNS}>
      {credentials.map((credential) => {
        const rowBusy = busy?.id === credential.id ? busy.action : null;
        return (
          <tr
            key={credential.id}
            aria-current={credential.id === selectedId ? 'true' : undefined}
            aria-busy={rowBusy ? 'true' : undefined}
          >
            <RowNameCell name={credential.name} lozenge={credential.isDefault ? 'Default' : undefined} />
            <td>{providerLabel(credential.provider)}</td>
            <td>{grantTypeLabel(credential.grantType)}</td>
            <td>
              <code className="im-client-id">{credential.clientId}</code>
            </td>
            <td className="im-break">
              <MailboxText address={credential.senderMailbox} />
              {credential.grantType === 'authorization_code' && !credential.authorization && (
                <>
                  {' '}
                  <span className="im-lozenge im-lozenge--warning">{NOT_AUTHORIZED}</span>
                </>
              )}
            </td>
            <td>
              <LastTestCell credential={credential} now={now} />
            </td>
            <td>
              <ExpiryCell credential={credential} now={now} />
            </td>
            <td className="im-actions">
              {confirmingDeleteId === credential.id ? (
                <InlineConfirm
                  label={`Delete ${credential.name}?`}
                  confirmText="Delete"
                  busy={rowBusy === 'delete'}
                  onConfirm={() => props.onConfirmDelete(credential.id)}
                  onCancel={() => props.onKeep(credential.id)}
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
                      ...(credential.grantType === 'authorization_code'
                        ? [{ label: 'Authorize', onSelect: () => props.onAuthorize(credential.id) }]
                        : []),
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
    </AdminTable>
  );
};
