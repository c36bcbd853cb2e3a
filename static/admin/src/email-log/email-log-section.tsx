import { useCallback, useState } from 'react';

import type { EmailLogEntry, EmailLogSummary } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { ListSkeleton } from '../shared/list-skeleton';
import { LoadMoreRows } from '../shared/load-more';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import { EMAIL_DETAIL_TITLE, EmailLogDetail } from './email-log-detail';
import { EMAIL_LOG_FILTER_IDS, EmailLogFilterBar } from './email-log-filters';
import { summaryOf } from './email-log-format';
import { EMAIL_LOG_COLUMNS, EmailLogTable, openEmailButtonId } from './email-log-table';
import { RetentionSetting } from './retention-setting';
import { type EmailLogState, useEmailLog } from './use-email-log';

export const EMAIL_LOG_TITLE = 'email-log-title';

/** Where the rows go: loading, failed, empty, or the table with "Load more". */
const EmailLogRows = ({
  log,
  openId,
  onOpen,
  onMoreLoaded,
}: {
  log: EmailLogState;
  openId: string | null;
  onOpen: (summary: EmailLogSummary) => void;
  /** The first row "Load more" added, for focus: the button itself may be gone. */
  onMoreLoaded: (emailId: string) => void;
}) => {
  const { list } = log;
  if (list.state === 'loading') {
    return (
      <>
        <p role="status" className="im-visually-hidden">
          Loading emails…
        </p>
        <ListSkeleton columns={EMAIL_LOG_COLUMNS} rows={3} />
      </>
    );
  }
  if (list.state === 'failed') {
    return <LoadFailed title="The email log could not be loaded" message={list.error.message} onRetry={log.reload} />;
  }
  if (list.items.length === 0) {
    return (
      <p className="im-empty">
        {log.filtered ? 'No emails match these filters.' : 'No emails yet. Emails people send from issues appear here.'}
      </p>
    );
  }
  return (
    <>
      <EmailLogTable items={list.items} openId={openId} onOpen={onOpen} />
      <LoadMoreRows
        more={list.more}
        hasMore={list.cursor !== undefined}
        noun="emails"
        onLoadMore={log.loadMore}
        onMoreLoaded={onMoreLoaded}
      />
    </>
  );
};

/**
 * "Email log": every email the outbox took, newest first, with filters, the panel of the email the admin opened,
 * and how long emails are kept.
 */
export const EmailLogSection = () => {
  const log = useEmailLog();
  const [open, setOpen] = useState<EmailLogSummary | null>(null);
  // The opened row may have left the table under new filters: the section's heading is the next best place.
  const focusAfter = useFocusAfterRender(EMAIL_LOG_TITLE);
  const { replaceRow } = log;

  const onEntry = useCallback((entry: EmailLogEntry) => replaceRow(summaryOf(entry)), [replaceRow]);

  const onOpen = (summary: EmailLogSummary) => {
    // The panel focuses its heading when it mounts; opening the same email again only moves focus back there.
    if (open?.emailId === summary.emailId) document.getElementById(EMAIL_DETAIL_TITLE)?.focus();
    else setOpen(summary);
  };

  const onClose = () => {
    if (open) focusAfter(openEmailButtonId(open.emailId));
    setOpen(null);
  };

  return (
    <section
      className="im-section im-section--page im-email-log"
      aria-labelledby={EMAIL_LOG_TITLE}
      aria-busy={log.list.state === 'loading'}
    >
      <div className="im-section__header">
        <h2 id={EMAIL_LOG_TITLE} tabIndex={-1}>
          Email log
        </h2>
        <button type="button" className="im-button" onClick={log.reload}>
          Refresh
        </button>
      </div>
      <p className="im-secondary">Every email people send from issues, and what happened to it.</p>

      <EmailLogFilterBar
        filters={log.filters}
        errors={log.errors}
        anyFilter={log.anyFilter}
        onStatus={log.setStatus}
        onIssueKey={log.setIssueKey}
        onApplyIssueKey={log.applyIssueKey}
        onFrom={log.setFrom}
        onTo={log.setTo}
        onClear={() => {
          log.clear();
          focusAfter(EMAIL_LOG_FILTER_IDS.status);
        }}
      />

      <EmailLogRows
        log={log}
        openId={open?.emailId ?? null}
        onOpen={onOpen}
        onMoreLoaded={(emailId) => focusAfter(openEmailButtonId(emailId))}
      />

      {open && <EmailLogDetail key={open.emailId} summary={open} onEntry={onEntry} onClose={onClose} />}

      <RetentionSetting />
    </section>
  );
};
