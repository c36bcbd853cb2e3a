import type { AttachmentOption, CommentChoice } from '../contract/issue-email';
import type { MailSettings } from '../contract/mail-settings';
import { MAX_MESSAGE_BYTES } from '../contract/message-limits';
import { BUILT_IN_TEMPLATE_ID, type TemplateView } from '../contract/templates';
import { MessageTooLargeError } from '../delivery/errors';
import type { IssueSnapshot } from '../jira/issue';
import { loadTemplateEngine } from '../templates/load-template-engine';
import { TemplateNotFoundError } from '../templates/template-errors';
import {
  attachmentBytesOf,
  attachmentsToSend,
  type ComposedAttachment,
  type EmbeddableImage,
} from './email-attachments';
import { subjectWithIssueKey } from './email-subject';
import { MailValidationError } from './errors';
import type { IssueComment, IssueEmailDeps } from './issue-email-ports';
import { resolveSiteUrl } from './site-url';

export interface EmailContentChoice {
  subject: string;
  message: string;
  templateId?: string | undefined;
  includeFields: boolean;
  includeDescription: boolean;
  comments: CommentChoice;
  latestComments: number;
  attachmentIds: readonly string[];
}

export interface ComposeRequest {
  issueKey: string;
  /** The issue when the caller has read it already (as the same user). */
  issue?: IssueSnapshot;
  content: EmailContentChoice;
  settings: MailSettings;
  senderMailbox: string;
  siteUrl?: unknown;
  timeZone?: string;
  /** The notification rule sending it: named in the email instead of the app's Jira account. */
  rule?: { name: string };
}

export type { ComposedAttachment } from './email-attachments';

export interface ComposedIssueEmail {
  issue: IssueSnapshot;
  senderName: string;
  subject: string;
  html: string;
  attachments: ComposedAttachment[];
  attachmentBytes: number;
}

type ComposeDeps = Pick<IssueEmailDeps, 'jira' | 'templates'>;

const contentIdOf = (attachmentId: string): string => `image-${attachmentId}@issue-mailer`;

/** The chosen template, else the project's default, else the built-in one; a deleted project default falls back. */
const chooseTemplate = async (
  deps: ComposeDeps,
  request: ComposeRequest,
  issue: IssueSnapshot,
): Promise<TemplateView> => {
  if (request.content.templateId !== undefined) return deps.templates.get(request.content.templateId);
  const projectDefault = request.settings.projectTemplates.find((entry) => entry.projectKey === issue.project?.key);
  if (projectDefault !== undefined) {
    try {
      return await deps.templates.get(projectDefault.templateId);
    } catch (error) {
      if (!(error instanceof TemplateNotFoundError)) throw error;
    }
  }
  return deps.templates.get(BUILT_IN_TEMPLATE_ID);
};

const readChosenComments = async (
  deps: ComposeDeps,
  issueKey: string,
  content: EmailContentChoice,
): Promise<IssueComment[]> => {
  if (content.comments === 'none') return [];
  const { comments } = await deps.jira.readComments(
    issueKey,
    content.comments === 'all' ? 'all' : content.latestComments,
  );
  return comments;
};

/**
 * Everything the email will hold, as the sender may see it: the issue, comments and attachments are read as the
 * user; images of the description and comments that are attachments of the issue are embedded (cid), never
 * linked to Jira, where recipients without an account could not open them. No bytes are downloaded here.
 */
export const composeIssueEmail = async (request: ComposeRequest, deps: ComposeDeps): Promise<ComposedIssueEmail> => {
  const { content } = request;
  const [issue, issueAttachments, comments, senderName] = await Promise.all([
    request.issue ?? deps.jira.readIssue(request.issueKey),
    deps.jira.listAttachments(request.issueKey),
    readChosenComments(deps, request.issueKey, content),
    // A rule's email is sent by the rule, not by the app's Jira account ("Issue Mailer for Jira").
    request.rule === undefined
      ? deps.jira.readSenderName()
      : Promise.resolve(`Notification rule "${request.rule.name}"`),
  ]);
  const template = await chooseTemplate(deps, request, issue);
  const byId = new Map(issueAttachments.map((attachment) => [attachment.id, attachment]));

  const chosen: AttachmentOption[] = [];
  for (const id of new Set(content.attachmentIds)) {
    const meta = byId.get(id);
    if (meta === undefined) {
      throw new MailValidationError({
        attachmentIds: 'An attachment is no longer on the issue. Reload and choose again.',
      });
    }
    chosen.push(meta);
  }

  const siteUrl = resolveSiteUrl(request.siteUrl, issue.self);
  const richText = [
    content.includeDescription ? (issue.descriptionHtml ?? '') : '',
    ...comments.map((comment) => comment.bodyHtml),
  ].join('\n');
  const embeddable = new Map<string, EmbeddableImage>();
  // The images are found with the engine's HTML sanitizer (loaded on first use), as the render will embed them.
  const { findAttachmentImageIds } = await loadTemplateEngine();
  for (const id of findAttachmentImageIds(richText, siteUrl)) {
    const meta = byId.get(id);
    if (meta !== undefined && meta.mimeType.startsWith('image/'))
      embeddable.set(id, { meta, contentId: contentIdOf(id) });
  }
  const chosenBytes = chosen.reduce((sum, meta) => sum + meta.size, 0);
  if (chosenBytes > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(chosenBytes, MAX_MESSAGE_BYTES);

  const rendered = await deps.templates.render(
    { subject: template.subject, body: template.body },
    {
      issue,
      siteUrl,
      timeZone: request.timeZone ?? 'UTC',
      sender: { name: senderName, mailbox: request.senderMailbox },
      message: content.message,
      include: {
        fields: content.includeFields,
        description: content.includeDescription,
        comments: content.comments,
        latestComments: content.latestComments,
      },
      comments: comments.map((comment) => ({
        author: comment.author,
        created: comment.created,
        bodyHtml: comment.bodyHtml,
      })),
      attachments: chosen.map((meta) => ({ filename: meta.filename, size: meta.size })),
      inlineImages: new Map([...embeddable].map(([id, image]) => [id, image.contentId])),
      ...(request.rule === undefined ? {} : { rule: request.rule }),
    },
  );
  // Only what the rendered body shows is embedded: a template without the description carries none of its images.
  const attachments: ComposedAttachment[] = attachmentsToSend(chosen, [...embeddable.values()], rendered.html);
  const attachmentBytes = attachmentBytesOf(attachments);
  if (attachmentBytes > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(attachmentBytes, MAX_MESSAGE_BYTES);
  // The sender's own subject line wins over the template's; the template's is the fallback for an empty one.
  const subject = subjectWithIssueKey(content.subject.trim() === '' ? rendered.subject : content.subject, issue.key);
  return { issue, senderName, subject, html: rendered.html, attachments, attachmentBytes };
};
