import type { ReactNode } from 'react';

import { LoadFailed } from '../../../shared/components/load-failed';
import { plural } from '../shared/format';
import { useEmailContent } from './use-email-content';

const MESSAGE_TITLE = 'email-detail-message';

const Line = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="im-email-facts__item">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

const list = (values: readonly string[]): string => (values.length > 0 ? values.join(', ') : 'None');

/**
 * The email as it went out, while the log keeps its content (as long as it keeps the email: the retention
 * setting). The body is the HTML that was sent, rendered and sanitized when it was queued, shown in a sandboxed
 * frame (no scripts, no same origin) as the template and dialog previews show theirs.
 */
export const EmailLogMessage = ({ emailId }: { emailId: string }) => {
  const { load, retry } = useEmailContent(emailId);
  return (
    <section className="im-email-message" aria-labelledby={MESSAGE_TITLE} aria-busy={load.state === 'loading'}>
      <h4 id={MESSAGE_TITLE} className="im-email-events__title">
        Message as sent
      </h4>
      {load.state === 'loading' && <p className="im-secondary">Loading the message…</p>}
      {load.state === 'failed' && (
        <LoadFailed title="The message could not be loaded" message={load.error.message} onRetry={retry} />
      )}
      {load.state === 'loaded' && !load.data.kept && (
        <p className="im-secondary">
          The content of this email is no longer kept. The email log keeps it for as long as it keeps the email.
        </p>
      )}
      {load.state === 'loaded' && load.data.kept && (
        <>
          <dl className="im-email-facts">
            <Line term="Subject">{load.data.subject}</Line>
            <Line term="From">{load.data.from}</Line>
            <Line term="To">{list(load.data.to)}</Line>
            <Line term="Cc">{list(load.data.cc)}</Line>
            {load.data.bccCount > 0 && <Line term="Bcc">{plural(load.data.bccCount, 'recipient')}</Line>}
            {load.data.replyTo.length > 0 && <Line term="Reply-To">{list(load.data.replyTo)}</Line>}
            <Line term="Attachments">{list(load.data.attachments)}</Line>
          </dl>
          <div className="im-preview__frame-wrap im-email-message__frame-wrap">
            <iframe className="im-preview__frame" title="Message body as sent" sandbox="" srcDoc={load.data.html} />
          </div>
        </>
      )}
    </section>
  );
};
