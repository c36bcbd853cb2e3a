import { type RefObject, useRef, useState } from 'react';

import { MAX_RECIPIENTS } from '../../../src/contract/email-address';
import type { IssueEmailDraft, PersonOption } from '../../../src/contract/issue-email';
import { Field } from '../../shared/components/field';
import { AttachmentList } from './attachment-list';
import { ContentOptions } from './content-options';
import { isReachable, type Reachable } from './person-labels';
import { QuickPicks } from './quick-picks';
import { RecipientField } from './recipient-field';
import { fieldOf, fieldOfPerson, type RecipientField as FieldName } from './recipient-state';
import { formatMailbox } from './recipients';
import { ReplyToField } from './reply-to-field';
import type { Compose } from './use-compose';

interface ComposeFormProps {
  draft: IssueEmailDraft;
  compose: Compose;
  disabled: boolean;
  toRef: RefObject<HTMLInputElement | null>;
}

const MESSAGE_MAX_LENGTH = 20000;

/** Recipients, subject, message and what of the issue goes along. */
export const ComposeForm = ({ draft, compose, disabled, toRef }: ComposeFormProps) => {
  const [bccOpened, setBccOpened] = useState(false);
  const bccRef = useRef<HTMLInputElement>(null);
  const { recipients, recipientActions: act, errors } = compose;
  const showBcc = bccOpened || recipients.chips.bcc.length > 0 || recipients.text.bcc !== '' || 'bcc' in errors;
  const findField = (address: string) => fieldOf(recipients, address);
  const addPerson = (field: FieldName) => (person: Reachable) =>
    act.add(field, formatMailbox(person.name, person.address));
  // Someone whose address Jira hides goes by account id: the chip shows the name, the backend finds the address.
  const fieldOfPick = (person: PersonOption) =>
    isReachable(person)
      ? findField(person.address)
      : person.accountId === undefined
        ? undefined
        : fieldOfPerson(recipients, person.accountId);
  const addPick = (person: PersonOption) => {
    if (isReachable(person)) addPerson('to')(person);
    else if (person.accountId !== undefined) act.addPerson('to', { accountId: person.accountId, name: person.name });
  };

  const recipientProps = (field: FieldName) => ({
    field,
    chips: recipients.chips[field],
    text: recipients.text[field],
    note: recipients.notes[field],
    error: errors[field],
    isRecipient: (address: string) => findField(address) !== undefined,
    onType: (text: string) => act.type(field, text),
    onCommit: (text?: string) => act.commit(field, text),
    onPick: addPerson(field),
    onRemove: (id: string) => act.remove(field, id),
    onRemoveLast: () => act.removeLast(field),
  });

  return (
    <fieldset className="im-compose" disabled={disabled}>
      <div className="im-compose__to">
        <RecipientField
          {...recipientProps('to')}
          required
          inputRef={toRef}
          hint={`Press Enter or type a comma after each address. Up to ${MAX_RECIPIENTS} recipients in all.`}
        />
        <QuickPicks picks={draft.quickPicks} fieldOf={fieldOfPick} onPick={addPick} />
      </div>
      <RecipientField {...recipientProps('cc')} />
      {showBcc ? (
        <RecipientField {...recipientProps('bcc')} inputRef={bccRef} />
      ) : (
        <p className="im-compose__add-bcc">
          <button
            type="button"
            className="im-link-button"
            onClick={() => {
              setBccOpened(true);
              setTimeout(() => bccRef.current?.focus(), 0);
            }}
          >
            Add Bcc
          </button>
        </p>
      )}
      <ReplyToField
        value={compose.replyTo}
        senderMailbox={draft.senderMailbox}
        error={errors.replyTo}
        onChange={compose.setReplyTo}
      />
      <Field id="email-subject" label="Subject" required error={errors.subject}>
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="text"
            value={compose.subject}
            maxLength={255}
            onChange={(event) => compose.setSubject(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="email-message"
        label="Message"
        error={errors.message}
        hint="Appears above the issue's details and link. Ctrl+Enter sends."
      >
        {(control) => (
          <textarea
            {...control}
            className="im-textarea"
            rows={5}
            maxLength={MESSAGE_MAX_LENGTH}
            value={compose.message}
            onChange={(event) => compose.setMessage(event.currentTarget.value)}
          />
        )}
      </Field>
      <ContentOptions draft={draft} content={compose.content} errors={errors} onChange={compose.changeContent} />
      <AttachmentList
        attachments={draft.attachments}
        chosen={compose.content.attachmentIds}
        maxBytes={draft.maxMessageBytes}
        error={errors.attachmentIds}
        onChange={(attachmentIds) => compose.changeContent({ attachmentIds })}
      />
      {draft.commentAfterSend && (
        <p className="im-secondary">After sending, a comment on the issue records who it was emailed to.</p>
      )}
    </fieldset>
  );
};
