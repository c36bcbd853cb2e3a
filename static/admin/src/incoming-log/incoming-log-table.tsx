import type { IncomingLogSummary } from '../../../../src/contract';
import { AdminTable } from '../shared/admin-table';
import { formatDateTime } from '../shared/format';
import { IncomingLozenge } from './incoming-status';

/** The table's columns, also the loading placeholder's. */
export const INCOMING_LOG_COLUMNS = ['Time', 'Handler', 'From', 'Subject', 'Result', 'Request ID'] as const;

/** The button that opens a row's message: focus returns to it when the panel closes. */
export const openMessageButtonId = (messageKey: string) => `incoming-open-${messageKey}`;

/** A message without a subject still gets a name to open it by. */
export const messageSubject = (subject: string) => (subject.trim() === '' ? '(no subject)' : subject);

/** "Casey Customer <casey@example.com>", or the address alone. */
export const senderText = (from: IncomingLogSummary['from']) =>
  from.name ? `${from.name} <${from.address}>` : from.address;

interface IncomingLogTableProps {
  items: readonly IncomingLogSummary[];
  /** The message open in the detail panel. */
  openKey: string | null;
  onOpen: (summary: IncomingLogSummary) => void;
}

/**
 * The incoming log as a Jira admin table, newest first. The subject opens the message; its button is named "Open
 * message <subject>" so a screen reader says what it does, and a button answers Enter and Space by itself.
 */
export const IncomingLogTable = ({ items, openKey, onOpen }: IncomingLogTableProps) => (
  <AdminTable caption="Incoming log" columns={INCOMING_LOG_COLUMNS} actions={false}>
    {items.map((item) => (
      <tr key={item.messageKey} aria-current={item.messageKey === openKey ? 'true' : undefined}>
        <td className="im-nowrap">
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </td>
        <td className="im-break">{item.handlerName}</td>
        <td className="im-break" title={item.from.address}>
          {senderText(item.from)}
        </td>
        <th scope="row" className="im-email-log__subject">
          <button
            id={openMessageButtonId(item.messageKey)}
            type="button"
            className="im-link-button im-email-log__open"
            onClick={() => onOpen(item)}
          >
            <span className="im-visually-hidden">Open message </span>
            {messageSubject(item.subject)}
          </button>
        </th>
        <td>
          <span className="im-cell-stack">
            <IncomingLozenge status={item.status} />
            <span className="im-break">{item.result}</span>
          </span>
        </td>
        <td className="im-break">{item.requestId ? <code className="im-copyable">{item.requestId}</code> : '—'}</td>
      </tr>
    ))}
  </AdminTable>
);
