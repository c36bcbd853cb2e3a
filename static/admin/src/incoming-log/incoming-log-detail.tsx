import { useEffect, useRef } from 'react';

import type { IncomingLogEntry, IncomingLogSummary } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { SectionMessage } from '../../../shared/components/section-message';
import { FormSkeleton } from '../shared/form-skeleton';
import { IncomingLogFacts } from './incoming-log-facts';
import { messageSubject } from './incoming-log-table';
import { useIncomingEntry } from './use-incoming-entry';

export const INCOMING_DETAIL_TITLE = 'incoming-detail-title';

interface IncomingLogDetailProps {
  /** The row that was opened: its subject names the panel while the entry loads. */
  summary: IncomingLogSummary;
  onEntry: (entry: IncomingLogEntry) => void;
  onClose: () => void;
}

/**
 * The panel of one message: what became of it, its ids, and "Process again" for a held or failed one. Focus moves
 * to its heading when it opens and after "Process again" (which removes the button); Escape closes it.
 */
export const IncomingLogDetail = ({ summary, onEntry, onClose }: IncomingLogDetailProps) => {
  const detail = useIncomingEntry(summary.messageKey, onEntry);
  const { load, again } = detail;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const entry = load.state === 'loaded' ? load.entry : null;
  const asking = again.state === 'asking';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (again.state === 'queued') headingRef.current?.focus();
  }, [again.state]);

  return (
    <section
      className="im-email-detail"
      aria-labelledby={INCOMING_DETAIL_TITLE}
      aria-busy={load.state === 'loading'}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="im-section__header">
        <h3 id={INCOMING_DETAIL_TITLE} ref={headingRef} tabIndex={-1} className="im-email-detail__title">
          {messageSubject(entry?.subject ?? summary.subject)}
        </h3>
        <div className="im-button-row">
          {entry?.canProcessAgain && (
            <button
              type="button"
              className="im-button im-button--primary"
              aria-disabled={asking}
              onClick={() => void detail.processAgain()}
            >
              {asking && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
              Process again
            </button>
          )}
          <button type="button" className="im-button im-button--subtle" onClick={onClose}>
            Close
          </button>
        </div>
      </div>

      <p role="status" className="im-visually-hidden">
        {detail.announcement}
      </p>
      {/* Only while the worker has it: the result then says how it ended. */}
      {again.state === 'queued' && entry?.status === 'processing' && (
        <SectionMessage appearance="success" title="Queued to be processed again">
          <p>Issue Mailer reads the message from the mailbox again shortly. This panel shows how it goes.</p>
        </SectionMessage>
      )}
      {again.state === 'failed' && (
        <SectionMessage appearance="error" title="The message was not queued again">
          <p>{again.error.message}</p>
        </SectionMessage>
      )}
      {detail.refreshError && (
        <SectionMessage appearance="warning" title="The result could not be refreshed">
          <p>{detail.refreshError.message}</p>
        </SectionMessage>
      )}

      {load.state === 'loading' && (
        <>
          <p role="status" className="im-visually-hidden">
            Loading the message…
          </p>
          <FormSkeleton fields={4} />
        </>
      )}
      {load.state === 'failed' && (
        <LoadFailed title="The message could not be loaded" message={load.error.message} onRetry={detail.retry} />
      )}
      {entry && (
        <div className="im-email-detail__body">
          <IncomingLogFacts entry={entry} />
        </div>
      )}
    </section>
  );
};
