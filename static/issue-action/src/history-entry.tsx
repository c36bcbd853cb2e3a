import type { EmailHistoryEntry } from '../../../src/contract/issue-email';
import { formatDateTime, plural } from './format';

/** One sent (or failed) email: when, who, to whom, what, and how it went. */
export const HistoryEntry = ({ entry }: { entry: EmailHistoryEntry }) => {
  const failed = entry.status === 'failed';
  // Bcc addresses are not kept; their number follows the last visible list.
  const bcc = entry.bccCount > 0 && <span className="im-secondary"> +{entry.bccCount} Bcc</span>;
  return (
    <li className="im-history__entry">
      <article aria-labelledby={`history-${entry.id}`}>
        <div className="im-history__top">
          <h3 className="im-history__subject" id={`history-${entry.id}`}>
            {entry.subject}
          </h3>
          <span className={`im-lozenge ${failed ? 'im-lozenge--danger' : 'im-lozenge--success'}`}>
            {failed ? 'Failed' : 'Sent'}
          </span>
        </div>
        <p className="im-history__meta">
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {entry.sender.name}
          {entry.resentBy && <> · resent by {entry.resentBy.name}</>}
        </p>
        <dl className="im-history__facts">
          <dt>To</dt>
          <dd>
            {entry.to.join(', ')}
            {entry.cc.length === 0 && bcc}
          </dd>
          {entry.cc.length > 0 && (
            <>
              <dt>Cc</dt>
              <dd>
                {entry.cc.join(', ')}
                {bcc}
              </dd>
            </>
          )}
          {entry.attachmentCount > 0 && (
            <>
              <dt>Files</dt>
              <dd>{plural(entry.attachmentCount, 'attachment')}</dd>
            </>
          )}
        </dl>
        {failed && entry.error && <p className="im-history__error">{entry.error}</p>}
      </article>
    </li>
  );
};
