import type { AttachmentOption, CommentChoice, IssueEmailDraft, TemplateUses } from '../../../src/contract/issue-email';

/** The contract's bounds (src/contract/issue-email.ts), kept here so the bundle does not pull in its schemas. */
export const LATEST_COMMENTS_MIN = 1;
export const LATEST_COMMENTS_MAX = 50;
export const MAX_ATTACHMENTS = 100;
const DEFAULT_LATEST_COMMENTS = 3;

/** What goes into the email besides the words: the "Template" and "Include" choices. */
export interface ContentValues {
  templateId: string;
  includeFields: boolean;
  includeDescription: boolean;
  comments: CommentChoice;
  /** As typed in the number box, checked when "Latest" is chosen. */
  latestComments: string;
  attachmentIds: readonly string[];
}

export const initialContent = (draft: Pick<IssueEmailDraft, 'defaultTemplateId'>): ContentValues => ({
  templateId: draft.defaultTemplateId,
  includeFields: true,
  includeDescription: true,
  comments: 'none',
  latestComments: String(DEFAULT_LATEST_COMMENTS),
  attachmentIds: [],
});

/** The message for the "Latest" number, or undefined when it is fine or not used. */
export const latestCommentsError = (values: Pick<ContentValues, 'comments' | 'latestComments'>): string | undefined => {
  if (values.comments !== 'latest') return undefined;
  const text = values.latestComments.trim();
  const count = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (count >= LATEST_COMMENTS_MIN && count <= LATEST_COMMENTS_MAX) return undefined;
  return `Enter a number from ${LATEST_COMMENTS_MIN} to ${LATEST_COMMENTS_MAX}.`;
};

export const selectedAttachments = (
  attachments: readonly AttachmentOption[],
  ids: readonly string[],
): AttachmentOption[] => {
  const chosen = new Set(ids);
  return attachments.filter((attachment) => chosen.has(attachment.id));
};

export const totalBytes = (attachments: readonly Pick<AttachmentOption, 'size'>[]): number =>
  attachments.reduce((sum, attachment) => sum + attachment.size, 0);

export const toggleAttachment = (ids: readonly string[], id: string, on: boolean): string[] => {
  const rest = ids.filter((candidate) => candidate !== id);
  return on ? [...rest, id] : rest;
};

export interface ContentInput {
  templateId: string;
  includeFields: boolean;
  includeDescription: boolean;
  comments: CommentChoice;
  latestComments?: number;
  attachmentIds: string[];
}

/**
 * The content part of the send and preview payloads. The number goes only with "Latest"; attachment ids follow the
 * issue's order, not the order they were ticked.
 */
export const contentInput = (values: ContentValues, attachments: readonly AttachmentOption[]): ContentInput => {
  const input: ContentInput = {
    templateId: values.templateId,
    includeFields: values.includeFields,
    includeDescription: values.includeDescription,
    comments: values.comments,
    attachmentIds: selectedAttachments(attachments, values.attachmentIds).map((attachment) => attachment.id),
  };
  if (values.comments === 'latest') input.latestComments = Number(values.latestComments.trim());
  return input;
};

/** A template option without `uses` (or none chosen) offers every choice. */
const EVERY_CHOICE: TemplateUses = { fields: true, description: true, comments: true };

/** Which of Fields, Description and Comments the chosen template looks at: the dialog offers only those. */
export const templateUses = (draft: Pick<IssueEmailDraft, 'templates'>, templateId: string): TemplateUses =>
  draft.templates.find((template) => template.id === templateId)?.uses ?? EVERY_CHOICE;

/**
 * The choices as they take effect: one the template ignores is hidden and counts as its default (no comments
 * read), so nothing the sender cannot see blocks Send or goes into the payload. What they chose stays in the
 * form's state for when they pick a template that uses it again.
 */
export const effectiveContent = (values: ContentValues, uses: TemplateUses): ContentValues => ({
  ...values,
  includeFields: uses.fields ? values.includeFields : true,
  includeDescription: uses.description ? values.includeDescription : true,
  comments: uses.comments ? values.comments : 'none',
});
