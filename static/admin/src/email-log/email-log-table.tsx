import type { EmailLogSummary } from '../../../../src/contract';
import { AdminTable } from '../shared/admin-table';
import { formatDateTime } from '../shared/format';
import { DeliveryLozenge } from './delivery-lozenge';
import { issueText, recipientsText, subjectText } from './email-log-format';

/** The table's columns, also the loading placeholder's. */
export const EMAIL_LOG_COLUMNS = ['Time', 'Issue', 'Subject', 'To', 'From', 'Status', 'Attempts'] as const;

/** The button that opens a row's email: focus returns to it when the panel closes. */
export const openEmailButtonId = (emailId: string) => `email-open-${emailId}`;

interface EmailLogTableProps {
  items: readonly EmailLogSummary[];
  /** The email open in the detail panel. */
  openId: string | null;
  onOpen: (summary: EmailLogSummary) => void;
}

/**
 * The email log as a Jira admin table, newest first. The subject opens the email; its button is named "Open email
 * <subject>" so a screen reader says what it does, and a button answers Enter and Space by itself.
 */
export const EmailLogTable = ({ items, openId, onOpen }: EmailLogTableProps) => (
  <AdminTable caption="Email log" columns={EMAIL_LOG_COLUMNS} actions={false}>
    {items.map((item) => (
      <tr key={item.emailId} aria-current={item.emailId === openId ? 'true' : undefined}>
        <td className="im-nowrap">
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </td>
        <td className="im-nowrap">{issueText(item)}</td>
        <th scope="row" className="im-email-log__subject">
          <button
            id={openEmailButtonId(item.emailId)}
            type="button"
            className="im-link-button im-email-log__open"
            onClick={() => onOpen(item)}
          >
            <span className="im-visually-hidden">Open email </span>
            {subjectText(item.subject)}
          </button>
        </th>
        <td className="im-break" title={item.to.join(', ')}>
          {recipientsText(item.to)}
        </td>
        <td className="im-break">{item.senderMailbox}</td>
        <td>
          <DeliveryLozenge status={item.status} />
        </td>
        <td className="im-email-log__number">{item.attempts}</td>
      </tr>
    ))}
  </AdminTable>
);
