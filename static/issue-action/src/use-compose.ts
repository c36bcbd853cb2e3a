import { useMemo, useState } from 'react';

import type { IssueEmailDraft, SendIssueEmailInput } from '../../../src/contract/issue-email';
import type { FieldErrors } from '../../shared/field-errors';
import { contentInput, type ContentValues, effectiveContent, initialContent, templateUses } from './content-state';
import {
  addPerson,
  addTokens,
  commitAll,
  commitText,
  emptyRecipients,
  type PickedPerson,
  type RecipientField,
  recipientPayload,
  type RecipientsModel,
  removeChip,
  removeLastChip,
  type ShownRecipients,
  shownRecipients,
  typeText,
} from './recipient-state';
import { type Blocker, sendBlockers } from './send-rules';

export interface RecipientActions {
  type: (field: RecipientField, text: string) => void;
  /** Everything typed becomes chips; `text` replaces what is typed first (a paste). */
  commit: (field: RecipientField, text?: string) => void;
  add: (field: RecipientField, token: string) => void;
  /** A person from the issue whose address Jira hides: a chip of their name. */
  addPerson: (field: RecipientField, person: PickedPerson) => void;
  remove: (field: RecipientField, id: string) => void;
  removeLast: (field: RecipientField) => void;
}

export interface Compose {
  recipients: RecipientsModel;
  recipientActions: RecipientActions;
  subject: string;
  setSubject: (value: string) => void;
  message: string;
  setMessage: (value: string) => void;
  /** Where replies go; empty: the sender mailbox. */
  replyTo: string;
  setReplyTo: (value: string) => void;
  /** The chosen From (a credential id), the default preselected; undefined: the default, with no choice offered. */
  senderId: string | undefined;
  setSenderId: (value: string) => void;
  content: ContentValues;
  changeContent: (patch: Partial<ContentValues>) => void;
  /** The backend's per-field messages from the last send or preview, until that field changes. */
  errors: FieldErrors;
  setErrors: (errors: FieldErrors) => void;
  blockers: Blocker[];
  /** The form as the backend takes it, typed text included as it would become chips. */
  input: () => SendIssueEmailInput;
  /** The recipients of `input()` as their chips read. */
  shownRecipients: () => ShownRecipients;
}

/** Which backend field errors each content change answers. */
const CONTENT_FIELDS: Record<keyof ContentValues, string[]> = {
  templateId: ['templateId'],
  includeFields: ['includeFields'],
  includeDescription: ['includeDescription'],
  comments: ['comments', 'latestComments'],
  latestComments: ['latestComments'],
  attachmentIds: ['attachmentIds'],
};

/** The compose form's state: recipients, words, content choices, and whether it may be sent. */
export const useCompose = (draft: IssueEmailDraft): Compose => {
  const [recipients, setRecipients] = useState(emptyRecipients);
  const [subject, setSubjectValue] = useState(draft.subject);
  // Until the sender types a subject of their own, it follows the chosen template's.
  const [subjectTyped, setSubjectTyped] = useState(false);
  const [message, setMessageValue] = useState('');
  const [replyTo, setReplyToValue] = useState('');
  const [senderId, setSenderIdValue] = useState(() => draft.senders?.[0]?.credentialId);
  const [content, setContent] = useState(() => initialContent(draft));
  const [errors, setErrors] = useState<FieldErrors>({});

  const clear = (fields: readonly string[]) =>
    setErrors((current) => {
      if (!fields.some((field) => field in current)) return current;
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });

  // Functional updates throughout: a blur's commit and a suggestion's pick can land in the same event turn.
  const recipientActions = useMemo<RecipientActions>(() => {
    const change = (field: RecipientField, update: (model: RecipientsModel) => RecipientsModel) => {
      setRecipients(update);
      setErrors((current) => {
        if (!(field in current)) return current;
        const { [field]: _cleared, ...rest } = current;
        return rest;
      });
    };
    return {
      type: (field, text) => change(field, (model) => typeText(model, field, text)),
      commit: (field, text) => change(field, (model) => commitText(model, field, text)),
      add: (field, token) => change(field, (model) => addTokens(model, field, [token], '')),
      addPerson: (field, person) => change(field, (model) => addPerson(model, field, person)),
      remove: (field, id) => change(field, (model) => removeChip(model, field, id)),
      removeLast: (field) => change(field, (model) => removeLastChip(model, field)),
    };
  }, []);

  const effective = useMemo(() => commitAll(recipients), [recipients]);
  // Choices the chosen template ignores are hidden: they neither block Send nor go into the payload.
  const applied = useMemo(() => effectiveContent(content, templateUses(draft, content.templateId)), [draft, content]);
  const blockers = useMemo(
    () => sendBlockers({ draft, recipients, subject, content: applied }),
    [draft, recipients, subject, applied],
  );

  return {
    recipients,
    recipientActions,
    subject,
    setSubject: (value) => {
      setSubjectValue(value);
      setSubjectTyped(true);
      clear(['subject']);
    },
    message,
    setMessage: (value) => {
      setMessageValue(value);
      clear(['message']);
    },
    replyTo,
    setReplyTo: (value) => {
      setReplyToValue(value);
      clear(['replyTo']);
    },
    senderId,
    setSenderId: (value) => {
      setSenderIdValue(value);
      clear(['credentialId']);
    },
    content,
    changeContent: (patch) => {
      setContent((current) => ({ ...current, ...patch }));
      const chosen =
        patch.templateId === undefined
          ? undefined
          : draft.templates.find((template) => template.id === patch.templateId);
      if (chosen !== undefined && !subjectTyped) {
        setSubjectValue(chosen.subject);
        clear(['subject']);
      }
      clear(Object.keys(patch).flatMap((key) => CONTENT_FIELDS[key as keyof ContentValues]));
    },
    errors,
    setErrors,
    blockers,
    input: () => ({
      ...recipientPayload(effective),
      subject,
      message,
      ...contentInput(applied, draft.attachments),
      ...(replyTo.trim() === '' ? {} : { replyTo: replyTo.trim() }),
      // Only a choice among several is sent; the default needs no id.
      ...(senderId === undefined || senderId === draft.senders?.[0]?.credentialId ? {} : { credentialId: senderId }),
    }),
    shownRecipients: () => shownRecipients(effective),
  };
};
