import { addressKey, MAX_RECIPIENTS, parseEmailAddress } from '../../../src/contract/email-address';
import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import {
  type ContentValues,
  latestCommentsError,
  MAX_ATTACHMENTS,
  selectedAttachments,
  totalBytes,
} from './content-state';
import { formatBytes } from './format';
import {
  commitAll,
  commitText,
  invalidCount,
  RECIPIENT_FIELDS,
  RECIPIENT_LABELS,
  recipientKey,
  type RecipientsModel,
} from './recipient-state';
import { splitAllRecipients } from './recipients';

export interface SendCheck {
  draft: Pick<IssueEmailDraft, 'permission' | 'senderMailbox' | 'maxMessageBytes' | 'attachments'>;
  /** As on screen: text still being typed counts as the chips it would become. */
  recipients: RecipientsModel;
  subject: string;
  content: ContentValues;
}

export type BlockerKind =
  | 'permission'
  | 'mailbox'
  | 'invalid-address'
  | 'unfinished-address'
  | 'no-recipient'
  | 'too-many-recipients'
  | 'subject'
  | 'comments'
  | 'too-many-attachments'
  | 'too-large';

export interface Blocker {
  kind: BlockerKind;
  /** A complete sentence saying what to do, shown beside Send. */
  message: string;
}

/** Said in a section message of their own, so the hint beside Send does not repeat them. */
export const SHOWN_ELSEWHERE: ReadonlySet<BlockerKind> = new Set(['permission', 'mailbox']);

/**
 * Chips never pass the cap (addTokens leaves the rest out with a note), but text still being typed could: counted
 * here so it blocks Send instead of being dropped silently when the email goes.
 */
const distinctAddresses = (model: RecipientsModel): number => {
  const keys = new Set<string>();
  for (const field of RECIPIENT_FIELDS) {
    for (const chip of model.chips[field]) if (chip.valid) keys.add(recipientKey(chip));
    for (const token of splitAllRecipients(model.text[field])) {
      const parsed = parseEmailAddress(token);
      if (parsed.ok) keys.add(addressKey(parsed.value.address));
    }
  }
  return keys.size;
};

/** Why Send is disabled, most fundamental first; empty when the email can go. */
export const sendBlockers = ({ draft, recipients: shown, subject, content }: SendCheck): Blocker[] => {
  const blockers: Blocker[] = [];
  const block = (kind: BlockerKind, message: string) => blockers.push({ kind, message });
  if (!draft.permission.allowed) block('permission', draft.permission.reason);
  if (draft.senderMailbox === null) block('mailbox', 'Email is not configured.');
  const recipients = commitAll(shown);
  const invalid = invalidCount(shown);
  if (invalid > 0) {
    block(
      'invalid-address',
      invalid === 1 ? 'Correct or remove the invalid address.' : `Correct or remove the ${invalid} invalid addresses.`,
    );
  }
  // Someone typing a name to search for is not told off for an invalid address.
  const unfinished = RECIPIENT_FIELDS.find((field) => invalidCount(commitText(shown, field)) > invalid);
  if (unfinished) {
    block('unfinished-address', `Finish the address in ${RECIPIENT_LABELS[unfinished]}, or pick a suggestion.`);
  }
  if (!recipients.chips.to.some((chip) => chip.valid)) block('no-recipient', 'Add at least one recipient in To.');
  if (distinctAddresses(shown) > MAX_RECIPIENTS) {
    block('too-many-recipients', `A message can have at most ${MAX_RECIPIENTS} recipients (To, Cc and Bcc together).`);
  }
  if (subject.trim() === '') block('subject', 'Enter a subject.');
  const latest = latestCommentsError(content);
  if (latest) block('comments', `Comments: ${latest}`);
  const attachments = selectedAttachments(draft.attachments, content.attachmentIds);
  if (attachments.length > MAX_ATTACHMENTS) block('too-many-attachments', `Attach at most ${MAX_ATTACHMENTS} files.`);
  if (totalBytes(attachments) > draft.maxMessageBytes) {
    block('too-large', `Leave out attachments: at most ${formatBytes(draft.maxMessageBytes)} can be sent.`);
  }
  return blockers;
};
