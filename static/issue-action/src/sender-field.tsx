import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import { Field } from '../../shared/components/field';
import type { Compose } from './use-compose';

export const SENDER_ID = 'email-from';

/**
 * "From": a choice among the mailboxes the admin allows people to send from (the default first), or the one mailbox
 * as text when there is nothing to choose.
 */
export const SenderField = ({
  draft,
  compose,
  error,
}: {
  draft: IssueEmailDraft;
  compose: Compose;
  error: string | undefined;
}) => {
  const senders = draft.senders ?? [];
  if (senders.length < 2 || compose.senderId === undefined) {
    return (
      <p className="im-dialog__from">
        <span className="im-secondary">From:</span> {draft.senderMailbox}
      </p>
    );
  }
  return (
    <Field id={SENDER_ID} label="From" error={error}>
      {(control) => (
        <select
          {...control}
          className="im-select"
          value={compose.senderId}
          onChange={(event) => compose.setSenderId(event.currentTarget.value)}
        >
          {senders.map((sender) => (
            <option key={sender.credentialId} value={sender.credentialId}>
              {sender.name} ({sender.mailbox})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
};
