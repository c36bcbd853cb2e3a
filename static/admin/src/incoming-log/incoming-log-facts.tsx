import type { ReactNode } from 'react';

import type { IncomingLogEntry } from '../../../../src/contract';
import { formatDateTime } from '../shared/format';
import { senderText } from './incoming-log-table';
import { IncomingLozenge } from './incoming-status';

const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="im-email-facts__item">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

/** Selected whole on the first click, so it can be pasted into a support request. */
const Copyable = ({ text }: { text: string }) => <code className="im-copyable">{text}</code>;

/** Everything the incoming log knows about one message. */
export const IncomingLogFacts = ({ entry }: { entry: IncomingLogEntry }) => (
  <dl className="im-email-facts">
    <Fact term="Result">
      <span className="im-cell-stack">
        <IncomingLozenge status={entry.status} />
        <span>{entry.result}</span>
      </span>
    </Fact>
    {entry.issueKey && <Fact term="Issue">{entry.issueKey}</Fact>}
    <Fact term="From">{senderText(entry.from)}</Fact>
    <Fact term="Handler">{entry.handlerName}</Fact>
    <Fact term="Mailbox">{entry.mailbox}</Fact>
    <Fact term="Received">
      <time dateTime={entry.receivedAt}>{formatDateTime(entry.receivedAt)}</time>
    </Fact>
    <Fact term="Seen">
      <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
    </Fact>
    <Fact term="Attempts">{entry.attempts}</Fact>
    {entry.alsoSeenBy.length > 0 && <Fact term="Copies also in">{entry.alsoSeenBy.join(', ')}</Fact>}
    {entry.reason && (
      <Fact term="Reason code">
        <code>{entry.reason}</code>
      </Fact>
    )}
    {entry.error && (
      <Fact term="Error">
        <span className="im-email-facts__error">
          <code>{entry.error.code}</code> {entry.error.message}
        </span>
      </Fact>
    )}
    {entry.requestId && (
      <Fact term="Request ID">
        <Copyable text={entry.requestId} />
      </Fact>
    )}
    {entry.internetMessageId && (
      <Fact term="Message-ID">
        <Copyable text={entry.internetMessageId} />
      </Fact>
    )}
  </dl>
);
