import { useCallback, useState } from 'react';

import type { IncomingLogEntry, IncomingLogSummary } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { ListLoading } from '../shared/list-skeleton';
import { LoadMoreRows } from '../shared/load-more';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import { INCOMING_DETAIL_TITLE, IncomingLogDetail } from './incoming-log-detail';
import { INCOMING_FILTER_IDS, IncomingLogFilterBar } from './incoming-log-filters';
import { INCOMING_LOG_COLUMNS, IncomingLogTable, openMessageButtonId } from './incoming-log-table';
import { type IncomingLogState, useIncomingLog } from './use-incoming-log';

export const INCOMING_LOG_TITLE = 'incoming-log-title';

/** A row of the table from an entry the detail panel holds. */
const summaryOf = (entry: IncomingLogEntry): IncomingLogSummary => {
  const {
    internetMessageId: _id,
    conversationId: _conversation,
    attempts: _attempts,
    reason: _reason,
    error: _error,
    commentId: _comment,
    alsoSeenBy: _also,
    ...summary
  } = entry;
  return summary;
};

/** Where the rows go: loading, failed, empty, or the table with "Load more". */
const IncomingLogRows = ({
  log,
  openKey,
  onOpen,
  onMoreLoaded,
}: {
  log: IncomingLogState;
  openKey: string | null;
  onOpen: (summary: IncomingLogSummary) => void;
  onMoreLoaded: (messageKey: string) => void;
}) => {
  const { list } = log;
  if (list.state === 'loading') {
    return <ListLoading label="Loading incoming messages…" columns={INCOMING_LOG_COLUMNS} rows={3} />;
  }
  if (list.state === 'failed') {
    return (
      <LoadFailed title="The incoming log could not be loaded" message={list.error.message} onRetry={log.reload} />
    );
  }
  if (list.items.length === 0) {
    return (
      <p className="im-empty">
        {log.filtered
          ? 'No messages match these filters.'
          : 'No incoming messages yet. Mail that mail handlers read appears here.'}
      </p>
    );
  }
  return (
    <>
      <IncomingLogTable items={list.items} openKey={openKey} onOpen={onOpen} />
      <LoadMoreRows
        more={list.more}
        hasMore={list.cursor !== undefined}
        noun="messages"
        onLoadMore={log.loadMore}
        onMoreLoaded={onMoreLoaded}
      />
    </>
  );
};

/**
 * "Incoming log": every message the mail handlers read, newest first, with filters, the panel of the message the
 * admin opened and its "Process again". Kept as long as the email log keeps emails (its retention setting).
 */
export const IncomingLogSection = () => {
  const log = useIncomingLog();
  const [open, setOpen] = useState<IncomingLogSummary | null>(null);
  // The opened row may have left the table under new filters: the section's heading is the next best place.
  const focusAfter = useFocusAfterRender(INCOMING_LOG_TITLE);
  const { replaceRow } = log;

  const onEntry = useCallback((entry: IncomingLogEntry) => replaceRow(summaryOf(entry)), [replaceRow]);

  const onOpen = (summary: IncomingLogSummary) => {
    // The panel focuses its heading when it mounts; opening the same message again only moves focus back there.
    if (open?.messageKey === summary.messageKey) document.getElementById(INCOMING_DETAIL_TITLE)?.focus();
    else setOpen(summary);
  };

  const onClose = () => {
    if (open) focusAfter(openMessageButtonId(open.messageKey));
    setOpen(null);
  };

  return (
    <section
      className="im-section im-section--page im-email-log"
      aria-labelledby={INCOMING_LOG_TITLE}
      aria-busy={log.list.state === 'loading'}
    >
      <div className="im-section__header">
        <h2 id={INCOMING_LOG_TITLE} tabIndex={-1}>
          Incoming log
        </h2>
        <button type="button" className="im-button" onClick={log.reload}>
          Refresh
        </button>
      </div>
      <p className="im-secondary">
        Every message the mail handlers read, and what became of it. Messages are kept as long as emails: the Email
        log&apos;s retention setting applies to both.
      </p>

      <IncomingLogFilterBar
        filters={log.filters}
        errors={log.errors}
        handlers={log.handlers}
        anyFilter={log.anyFilter}
        onChange={log.set}
        onApplySender={log.applySender}
        onClear={() => {
          log.clear();
          focusAfter(INCOMING_FILTER_IDS.status);
        }}
      />

      <IncomingLogRows
        log={log}
        openKey={open?.messageKey ?? null}
        onOpen={onOpen}
        onMoreLoaded={(messageKey) => focusAfter(openMessageButtonId(messageKey))}
      />

      {open && <IncomingLogDetail key={open.messageKey} summary={open} onEntry={onEntry} onClose={onClose} />}
    </section>
  );
};
