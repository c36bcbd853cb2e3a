import * as z from 'zod/mini';

import { builtOnFirstParse } from './built-on-first-parse';
import { MAX_RECIPIENTS } from './email-address';
import { parseEmailAddress } from './email-address';
import type { DeliveryStatus } from './email-log';
import { recipientInputSchema } from './recipient-input';
import { templateIdSchema } from './templates';

export { MAX_MESSAGE_BYTES } from './message-limits';
export const MAX_LATEST_COMMENTS = 50;
export const COMMENT_CHOICES = ['none', 'latest', 'all'] as const;
export type CommentChoice = (typeof COMMENT_CHOICES)[number];

/** Recipients as typed or picked: `jane@example.com`, `Jane Doe <jane@example.com>`, or `{ accountId }` of a Jira user. */
const recipientList = (min: number) =>
  z._default(
    z
      .array(recipientInputSchema)
      .check(
        ...(min > 0 ? [z.minLength(min, 'Add at least one recipient.')] : []),
        z.maxLength(MAX_RECIPIENTS, `A message can have at most ${MAX_RECIPIENTS} recipients.`),
      ),
    [],
  );

/** What goes into the email besides the sender's words. Defaults are what the dialog starts with. */
const contentShape = () => ({
  /** A template id; absent means the project's default template, else the built-in one. */
  templateId: z.optional(templateIdSchema),
  includeFields: z._default(z.boolean(), true),
  includeDescription: z._default(z.boolean(), true),
  comments: z._default(z.enum(COMMENT_CHOICES), 'none'),
  latestComments: z._default(
    z
      .int()
      .check(
        z.minimum(1, 'Choose at least 1 comment.'),
        z.maximum(MAX_LATEST_COMMENTS, `Choose at most ${MAX_LATEST_COMMENTS} comments.`),
      ),
    3,
  ),
  /** Jira attachment ids of this issue to attach. */
  attachmentIds: z._default(
    z
      .array(z.string().check(z.regex(/^[0-9]{1,18}$/, 'Not a Jira attachment id.')))
      .check(z.maxLength(100, 'Attach at most 100 files.')),
    [],
  ),
});

const messageShape = () => ({
  subject: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter a subject.'), z.maxLength(255, 'Keep the subject under 255 characters.')),
  /** Plain text the sender writes above the issue. */
  message: z._default(z.string().check(z.maxLength(20000, 'Keep the message under 20,000 characters.')), ''),
});

/**
 * Where replies go instead of the sender mailbox: one address, checked as recipients are (email-address.ts). Empty
 * or absent: replies go to the sender mailbox. Sent as Graph's message `replyTo`.
 */
const replyShape = () => ({
  replyTo: z.optional(
    z.string().check(
      z.trim(),
      z.refine((value) => value === '' || parseEmailAddress(value).ok, {
        error: 'Enter one valid email address for replies.',
      }),
    ),
  ),
});

/** The credential whose mailbox sends (the dialog's From); absent: the default credential. */
const senderShape = () => ({
  credentialId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Choose a mailbox from the From list.'))),
});

/** What Send and Preview parse: the same fields, Send wanting at least `minTo` recipients in To. */
const issueEmailSchema = (minTo: number) =>
  z.strictObject({
    to: recipientList(minTo),
    cc: recipientList(0),
    bcc: recipientList(0),
    ...messageShape(),
    ...contentShape(),
    ...replyShape(),
    ...senderShape(),
  });

/** The issue comes from the resolver's context (the issue the action was opened on), never from the payload. */
export const sendIssueEmailSchema = builtOnFirstParse(() => issueEmailSchema(1));
export type SendIssueEmailInput = z.input<typeof sendIssueEmailSchema>;
export type SendIssueEmailOptions = z.output<typeof sendIssueEmailSchema>;

/** A preview needs no recipients yet; it shows exactly what "Send" would send. */
export const previewIssueEmailSchema = builtOnFirstParse(() => issueEmailSchema(0));
export type PreviewIssueEmailInput = z.input<typeof previewIssueEmailSchema>;

export const searchPeopleSchema = builtOnFirstParse(() =>
  z.strictObject({
    query: z
      .string()
      .check(z.trim(), z.minLength(2, 'Type at least 2 characters.'), z.maxLength(100, 'Type at most 100 characters.')),
  }),
);

export type PersonSource = 'reporter' | 'assignee' | 'watcher' | 'directory' | 'jira';

/**
 * Someone the sender can pick. `address` is null when Jira hides the person's email (their privacy setting); a Jira
 * user (`accountId` set) is then picked as `{ accountId }` and the email still reaches them, the address unseen.
 */
export interface PersonOption {
  name: string;
  address: string | null;
  /** Set for people from Jira: the issue's reporter, assignee and watchers, and Jira's user search. */
  accountId?: string;
  source: PersonSource;
  /** Job title, department or similar, to tell people with the same name apart. */
  detail?: string;
}

export interface AttachmentOption {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
}

export interface TemplateOption {
  id: string;
  name: string;
  /** The template's subject for this issue, the issue key in it: the dialog's Subject when the template is chosen. */
  subject: string;
  /** Which content choices the template looks at; the dialog offers only those. Absent: all of them. */
  uses?: TemplateUses;
}

/** Whether a template's output depends on the dialog's Fields, Description and Comments choices. */
export interface TemplateUses {
  fields: boolean;
  description: boolean;
  comments: boolean;
}

/** A mailbox a person may choose as From: the credential's sender mailbox and the name the admin gave it. */
export interface SenderOption {
  credentialId: string;
  mailbox: string;
  name: string;
}

export type SendPermission = { allowed: true } | { allowed: false; reason: string };

export interface IssueEmailDraft {
  issueKey: string;
  issueSummary: string;
  subject: string;
  /** The sender mailbox of the credential mail goes out through, or null when none is configured. */
  senderMailbox: string | null;
  /** Whether the admin's "who may send" setting lets the caller send, and why not. */
  permission: SendPermission;
  /** Reporter, assignee and watchers, in that order, without repeats. */
  quickPicks: PersonOption[];
  templates: TemplateOption[];
  /** The project's default template, else the built-in one. */
  defaultTemplateId: string;
  attachments: AttachmentOption[];
  commentCount: number;
  /** The admin setting: a comment "Emailed to ... by ..." is added to the issue after sending. */
  commentAfterSend: boolean;
  maxMessageBytes: number;
  /**
   * The mailboxes the caller may choose as From, the default first (preselected); the dialog offers a choice only
   * when there is more than one. Absent: the default only.
   */
  senders?: SenderOption[];
}

export interface PreviewAttachment {
  filename: string;
  size: number;
  /** An image of the description embedded in the body rather than listed as a file. */
  inline: boolean;
  /** The body shows it (an image of the description or a comment), whether or not it is also listed as a file. */
  shownInBody?: boolean;
}

export interface IssueEmailPreview {
  subject: string;
  /** The complete HTML document that will be sent. */
  html: string;
  attachments: PreviewAttachment[];
  /** Attachments' bytes, to show the size before sending. */
  attachmentBytes: number;
}

/** The answer to "Send": the email is queued; its delivery is followed with getEmailStatus. */
export interface SentIssueEmail {
  issueKey: string;
  emailId: string;
  queuedAt: string;
  status: DeliveryStatus;
  recipientCount: number;
}

export type EmailStatus = 'sent' | 'failed';

/**
 * One email of an issue's history. Bcc addresses are not shown to others; only their number is kept. In `to` and
 * `cc`, a Jira user whose address Jira hid from the sender is listed by name, never by address.
 */
export interface EmailHistoryEntry {
  id: string;
  issueKey: string;
  at: string;
  sender: { accountId: string; name: string };
  from: string;
  to: string[];
  cc: string[];
  bccCount: number;
  subject: string;
  status: EmailStatus;
  /** A message safe to show, for failed emails. */
  error?: string;
  attachmentCount: number;
  /** The admin who resent it from the email log, when it was resent. */
  resentBy?: { accountId: string; name: string };
}
