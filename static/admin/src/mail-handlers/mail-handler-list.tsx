import type { CredentialView, MailHandlerView } from '../../../../src/contract';
import { AdminTable, RowNameCell } from '../shared/admin-table';
import { RowActions, RowButton } from '../shared/row-actions';
import { MODE_LABELS, SENDER_LABELS } from './mail-handler-state';

export const editHandlerButtonId = (id: string) => `handler-edit-${id}`;
export const deleteHandlerButtonId = (id: string) => `handler-delete-${id}`;

export const HANDLER_COLUMNS = ['Name', 'Mailbox and folder', 'New mail', 'Who may write in', 'Enabled'] as const;

interface MailHandlerListProps {
  handlers: readonly MailHandlerView[];
  credentials: readonly CredentialView[];
  selectedId: string | null;
  confirmingDeleteId: string | null;
  deletingId: string | null;
  onEdit: (handler: MailHandlerView) => void;
  onTest: (handler: MailHandlerView) => void;
  onAskDelete: (handler: MailHandlerView) => void;
  onConfirmDelete: (handler: MailHandlerView) => void;
  onKeep: (handler: MailHandlerView) => void;
}

const mailboxText = (handler: MailHandlerView, credentials: readonly CredentialView[]) =>
  handler.mailbox ??
  credentials.find((credential) => credential.id === handler.credentialId)?.senderMailbox ??
  'Unknown credential';

/** The mail handlers as a Jira admin table. */
export const MailHandlerList = (props: MailHandlerListProps) => {
  const { handlers, credentials, selectedId, confirmingDeleteId, deletingId } = props;
  return (
    <AdminTable caption="Mail handlers" columns={HANDLER_COLUMNS}>
      {handlers.map((handler) => (
        <tr key={handler.id} aria-current={handler.id === selectedId ? 'true' : undefined}>
          <RowNameCell name={handler.name} />
          <td className="im-break">
            {mailboxText(handler, credentials)} / {handler.folder}
          </td>
          <td>
            {handler.mode === 'issues-and-comments'
              ? `Issues in ${handler.projectKey ?? '—'}, replies as comments`
              : MODE_LABELS[handler.mode]}
          </td>
          <td className="im-break">
            {handler.senders === 'domains' ? handler.allowedDomains.join(', ') : SENDER_LABELS[handler.senders]}
          </td>
          <td>{handler.enabled ? 'On' : 'Off'}</td>
          <td className="im-actions">
            <RowActions
              confirming={confirmingDeleteId === handler.id}
              confirmLabel={`Delete ${handler.name}?`}
              busy={deletingId === handler.id}
              onConfirm={() => props.onConfirmDelete(handler)}
              onCancel={() => props.onKeep(handler)}
            >
              <RowButton
                id={editHandlerButtonId(handler.id)}
                label={`Edit ${handler.name}`}
                onClick={() => props.onEdit(handler)}
              >
                Edit
              </RowButton>
              <RowButton label={`Test ${handler.name}`} onClick={() => props.onTest(handler)}>
                Test
              </RowButton>
              <RowButton
                id={deleteHandlerButtonId(handler.id)}
                label={`Delete ${handler.name}`}
                disabled={deletingId !== null}
                onClick={() => deletingId === null && props.onAskDelete(handler)}
              >
                Delete
              </RowButton>
            </RowActions>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
};
