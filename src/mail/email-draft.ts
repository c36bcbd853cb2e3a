import { MAX_MESSAGE_BYTES, type IssueEmailDraft } from '../contract/issue-email';
import { BUILT_IN_TEMPLATE_ID } from '../contract/templates';
import { defaultSubject } from './email-subject';
import { templateOptions } from './template-subjects';
import type { Caller, IssueEmailDeps } from './issue-email-ports';

type DraftDeps = Pick<IssueEmailDeps, 'credentials' | 'jira' | 'templates' | 'readSettings' | 'checkPermission'>;

/**
 * What the dialog starts with: subject, sender mailbox, whether the caller may send (and why not), the people to
 * pick from, templates, attachments and the comment count. Everything the user reads is read as the user.
 */
export const getEmailDraft = async (issueKey: string, caller: Caller, deps: DraftDeps): Promise<IssueEmailDraft> => {
  const [credential, issue, settings, templates, people, attachments, comments] = await Promise.all([
    deps.credentials.findDefault(),
    deps.jira.readIssue(issueKey),
    deps.readSettings(),
    deps.templates.list(),
    deps.jira.readPeople(issueKey),
    deps.jira.listAttachments(issueKey),
    deps.jira.readComments(issueKey, 1),
  ]);
  const permission = await deps.checkPermission(settings, issue.project?.key, caller.accountId);
  const projectDefault = settings.projectTemplates.find((entry) => entry.projectKey === issue.project?.key)?.templateId;
  const defaultTemplateId =
    projectDefault !== undefined && templates.some((template) => template.id === projectDefault) ? projectDefault : BUILT_IN_TEMPLATE_ID;
  const options = await templateOptions(templates, {
    issue,
    ...(caller.siteUrl === undefined ? {} : { siteUrl: caller.siteUrl }),
    ...(caller.timeZone === undefined ? {} : { timeZone: caller.timeZone }),
    senderName: () => deps.jira.readSenderName(),
    senderMailbox: credential?.senderMailbox ?? '',
  });
  return {
    issueKey: issue.key,
    issueSummary: issue.summary,
    // The default template's subject: what the sender sees first, and what the email gets unless they change it.
    subject: options.find((option) => option.id === defaultTemplateId)?.subject ?? defaultSubject(issue),
    senderMailbox: credential?.senderMailbox ?? null,
    permission,
    quickPicks: people,
    templates: options,
    defaultTemplateId,
    attachments,
    commentCount: comments.total,
    commentAfterSend: settings.commentAfterSend,
    maxMessageBytes: MAX_MESSAGE_BYTES,
  };
};
