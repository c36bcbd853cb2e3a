import type { ReactNode } from 'react';

import type { EmailLogEntry } from '../../../../src/contract';
import { formatDateTime, plural } from '../shared/format';
import { DeliveryLozenge } from './delivery-lozenge';
import { issueText } from './email-log-format';

const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="im-email-facts__item">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

const Time = ({ iso }: { iso: string }) => <time dateTime={iso}>{formatDateTime(iso)}</time>;

/** Selected whole on the first click, so it can be pasted into a Microsoft support request. */
const Copyable = ({ text }: { text: string }) => <code className="im-copyable">{text}</code>;

/** Everything the log knows about one email, except its events. Bcc addresses are never shown, only their count. */
export const EmailLogFacts = ({ entry }: { entry: EmailLogEntry }) => (
  <dl className="im-email-facts">
    <Fact term="Status">
      <DeliveryLozenge status={entry.status} />
    </Fact>
    <Fact term="Issue">{issueText(entry)}</Fact>
    <Fact term="Created">
      <Time iso={entry.createdAt} />
    </Fact>
    {entry.sentAt && (
      <Fact term="Sent">
        <Time iso={entry.sentAt} />
      </Fact>
    )}
    {entry.nextAttemptAt && (
      <Fact term="Next attempt">
        <Time iso={entry.nextAttemptAt} />
      </Fact>
    )}
    <Fact term="From">{entry.senderMailbox}</Fact>
    <Fact term="To">{entry.to.join(', ') || 'None'}</Fact>
    <Fact term="Cc">{entry.cc.length > 0 ? entry.cc.join(', ') : 'None'}</Fact>
    <Fact term="Bcc">{entry.bccCount > 0 ? plural(entry.bccCount, 'recipient') : 'None'}</Fact>
    <Fact term="Attachments">{entry.attachmentCount > 0 ? plural(entry.attachmentCount, 'file') : 'None'}</Fact>
    <Fact term="Requested by">{entry.requestedBy.name}</Fact>
    <Fact term="Attempts">{entry.attempts}</Fact>
    {entry.lastError && (
      <Fact term="Last error">
        <span className="im-email-facts__error">
          <code>{entry.lastError.code}</code> {entry.lastError.message}
        </span>
      </Fact>
    )}
    {entry.requestId && (
      <Fact term="Request ID">
        <Copyable text={entry.requestId} />
      </Fact>
    )}
    <Fact term="Email ID">
      <Copyable text={entry.emailId} />
    </Fact>
  </dl>
);
