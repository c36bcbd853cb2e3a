import { useState } from 'react';

import { parseEmailAddress } from '../../../src/contract/email-address';
import { Field } from '../../shared/components/field';

export const REPLY_TO_ID = 'email-reply-to';

/** The error a typed Reply-To gets, checked as a recipient is; none while empty (replies go to the sender mailbox). */
export const replyToError = (value: string): string | undefined => {
  if (value.trim() === '') return undefined;
  const parsed = parseEmailAddress(value);
  return parsed.ok ? undefined : parsed.message;
};

interface ReplyToFieldProps {
  value: string;
  senderMailbox: string | null;
  /** The backend's message from the last send or preview. */
  error: string | undefined;
  onChange: (value: string) => void;
}

/** Where replies go, instead of the sender mailbox: checked when the person leaves the field, as recipients are. */
export const ReplyToField = ({ value, senderMailbox, error, onChange }: ReplyToFieldProps) => {
  const [checked, setChecked] = useState(false);
  const shown = error ?? (checked ? replyToError(value) : undefined);
  return (
    <Field
      id={REPLY_TO_ID}
      label="Reply-To"
      error={shown}
      hint={
        senderMailbox === null
          ? 'Replies go to this address.'
          : `Replies go to this address instead of ${senderMailbox}.`
      }
    >
      {(control) => (
        <input
          {...control}
          className="im-input"
          type="email"
          autoComplete="email"
          maxLength={320}
          value={value}
          onChange={(event) => {
            setChecked(false);
            onChange(event.currentTarget.value);
          }}
          onBlur={() => setChecked(true)}
        />
      )}
    </Field>
  );
};
