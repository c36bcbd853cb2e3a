import type { TemplatePreview } from '../contract/templates';
import type { TemplateService } from '../templates/template-service';
import type { IssueEmailJira } from './issue-email-ports';
import { resolveSiteUrl } from './site-url';

export interface TemplatePreviewDeps {
  templates: Pick<TemplateService, 'preview'>;
  jira: Pick<IssueEmailJira, 'readIssue' | 'readComments' | 'listAttachments' | 'readSenderName'>;
  /** The mailbox mail would come from; a placeholder when no credential is set up yet. */
  senderMailbox: () => Promise<string>;
}

const PREVIEW_MESSAGE = 'Hello,\n\nHere is the issue we talked about. Let me know if you have questions.';

/**
 * The admin's template rendered against a real issue (read as the admin, so they only preview what they may see),
 * with everything included: its latest three comments, all of its attachments listed, and a sample note. Without a
 * key the built-in sample issue is used.
 */
export const previewTemplateForIssue = async (
  template: { subject: string; body: string },
  issueKey: string | undefined,
  deps: TemplatePreviewDeps,
  context: { siteUrl?: unknown; timeZone?: string } = {},
): Promise<TemplatePreview> => {
  if (issueKey === undefined) return deps.templates.preview(template);
  const [issue, comments, attachments, senderName, mailbox] = await Promise.all([
    deps.jira.readIssue(issueKey),
    deps.jira.readComments(issueKey, 3),
    deps.jira.listAttachments(issueKey),
    deps.jira.readSenderName(),
    deps.senderMailbox(),
  ]);
  return deps.templates.preview(template, {
    issue,
    siteUrl: resolveSiteUrl(context.siteUrl, issue.self),
    timeZone: context.timeZone ?? 'UTC',
    sender: { name: senderName, mailbox },
    message: PREVIEW_MESSAGE,
    include: { fields: true, description: true, comments: 'latest', latestComments: 3 },
    comments: comments.comments.map((comment) => ({
      author: comment.author,
      created: comment.created,
      bodyHtml: comment.bodyHtml,
    })),
    attachments: attachments.map((attachment) => ({ filename: attachment.filename, size: attachment.size })),
  });
};
