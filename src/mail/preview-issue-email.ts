import type { IssueEmailPreview } from '../contract/issue-email';
import { composeIssueEmail, type EmailContentChoice } from './compose-issue-email';
import { nameEmbeddedImage, showEmbeddedImage } from './embedded-images';
import type { Caller, IssueEmailDeps } from './issue-email-ports';
import { chosenSender } from './sender-mailboxes';

type PreviewDeps = Pick<IssueEmailDeps, 'credentials' | 'jira' | 'templates' | 'readSettings'>;

/** Images up to this size are shown in the preview; bigger ones keep their alt text so the preview stays light. */
const MAX_PREVIEW_IMAGE_BYTES = 1024 * 1024;

/**
 * The message "Send" would send, rendered the same way. Embedded images point at `cid:` parts, which a page cannot
 * show, so the preview swaps small ones for data: URLs and names the rest.
 */
export const previewIssueEmail = async (
  issueKey: string,
  content: EmailContentChoice & { credentialId?: string | undefined },
  caller: Caller,
  deps: PreviewDeps,
): Promise<IssueEmailPreview> => {
  const [fallback, settings] = await Promise.all([deps.credentials.findDefault(), deps.readSettings()]);
  // Read only when a mailbox was chosen: which ones may be chosen depends on the issue's project.
  const issue =
    content.credentialId === undefined || fallback === undefined ? undefined : await deps.jira.readIssue(issueKey);
  const credential =
    issue === undefined || fallback === undefined
      ? fallback
      : await chosenSender(settings, issue.project?.key, content.credentialId, deps);
  const email = await composeIssueEmail(
    {
      issueKey,
      ...(issue === undefined ? {} : { issue }),
      content,
      settings,
      senderMailbox: credential?.senderMailbox ?? 'sender@example.com',
      siteUrl: caller.siteUrl,
      ...(caller.timeZone === undefined ? {} : { timeZone: caller.timeZone }),
    },
    deps,
  );
  let html = email.html;
  for (const attachment of email.attachments) {
    if (attachment.contentId === undefined) continue;
    if (attachment.meta.size > MAX_PREVIEW_IMAGE_BYTES) {
      html = nameEmbeddedImage(html, attachment.contentId, attachment.meta.filename);
      continue;
    }
    const bytes = await deps.jira.downloadAttachment(attachment.meta.id, attachment.meta.size);
    const dataUrl = `data:${attachment.meta.mimeType};base64,${Buffer.from(bytes).toString('base64')}`;
    html = showEmbeddedImage(html, attachment.contentId, dataUrl);
  }
  return {
    subject: email.subject,
    html,
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.meta.filename,
      size: attachment.meta.size,
      inline: attachment.inline,
      shownInBody: attachment.contentId !== undefined,
    })),
    attachmentBytes: email.attachmentBytes,
  };
};
