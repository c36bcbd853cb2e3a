import { useEffect, useRef } from 'react';

import type { EmailLogEntry, EmailLogSummary } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { SectionMessage } from '../../../shared/components/section-message';
import { FormSkeleton } from '../shared/form-skeleton';
import { isInFlight } from './delivery-status';
import { EmailLogEvents } from './email-log-events';
import { EmailLogFacts } from './email-log-facts';
import { subjectText } from './email-log-format';
import { EmailLogMessage } from './email-log-message';
import { ResendWarning } from './email-log-resend-warning';
import { useEmailLogEntry } from './use-email-log-entry';

export const EMAIL_DETAIL_TITLE = 'email-detail-title';
const EVENTS_TITLE = 'email-detail-events';

interface EmailLogDetailProps {
  /** The row that was opened: its subject names the panel while the entry loads. */
  summary: EmailLogSummary;
  onEntry: (entry: EmailLogEntry) => void;
  onClose: () => void;
}

/**
 * The panel of one email: its facts, its events and "Resend" when the backend allows it. Focus moves to its
 * heading when it opens and after a resend (which removes the button); Escape closes it.
 */
export const EmailLogDetail = ({ summary, onEntry, onClose }: EmailLogDetailProps) => {
  const detail = useEmailLogEntry(summary.emailId, onEntry);
  const { load, resend } = detail;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const entry = load.state === 'loaded' ? load.entry : null;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (resend.state === 'resent') headingRef.current?.focus();
  }, [resend.state]);

  const resending = resend.state === 'resending';

  return (
    <section
      className="im-email-detail"
      aria-labelledby={EMAIL_DETAIL_TITLE}
      aria-busy={load.state === 'loading'}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="im-section__header">
        <h3 id={EMAIL_DETAIL_TITLE} ref={headingRef} tabIndex={-1} className="im-email-detail__title">
          {subjectText(entry?.subject ?? summary.subject)}
        </h3>
        <div className="im-button-row">
          {entry?.canResend && resend.state !== 'unchanged' && (
            <button
              type="button"
              className="im-button im-button--primary"
              aria-disabled={resending}
              onClick={() => void detail.onResend(false)}
            >
              {resending && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
              Resend
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
      {resending && (
        <p role="status" className="im-secondary">
          Resending…
        </p>
      )}
      {resend.state === 'unchanged' && (
        <ResendWarning
          error={resend.error}
          onResendAnyway={() => void detail.onResend(true)}
          onCancel={detail.cancelResend}
        />
      )}
      {/* Only while the resent email is on its way: its status then says how it ended. */}
      {resend.state === 'resent' && entry !== null && isInFlight(entry.status) && (
        <SectionMessage appearance="success" title="Email queued again">
          <p>Issue Mailer sends it again shortly. This panel shows how it goes.</p>
        </SectionMessage>
      )}
      {resend.state === 'failed' && (
        <SectionMessage appearance="error" title="The email was not resent">
          <p>{resend.error.message}</p>
        </SectionMessage>
      )}
      {detail.refreshError && (
        <SectionMessage appearance="warning" title="The status could not be refreshed">
          <p>{detail.refreshError.message}</p>
        </SectionMessage>
      )}

      {load.state === 'loading' && (
        <>
          <p role="status" className="im-visually-hidden">
            Loading the email…
          </p>
          <FormSkeleton fields={4} />
        </>
      )}
      {load.state === 'failed' && (
        <LoadFailed title="The email could not be loaded" message={load.error.message} onRetry={detail.retry} />
      )}
      {entry && (
        <div className="im-email-detail__body">
          <EmailLogFacts entry={entry} />
          <EmailLogMessage emailId={entry.emailId} />
          <EmailLogEvents events={entry.events} titleId={EVENTS_TITLE} />
        </div>
      )}
    </section>
  );
};
