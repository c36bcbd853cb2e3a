import { type IssueEmailDraft, MAX_MESSAGE_BYTES, type SendPermission } from '../contract/issue-email';
import { BUILT_IN_TEMPLATE_ID } from '../contract/templates';
import type { IssueSnapshot } from '../jira/issue';
import { defaultSubject } from './email-subject';
import type { Caller, IssueEmailDeps } from './issue-email-ports';
import { checkSenderAccess } from './sender-access';
import { senderOptions } from './sender-mailboxes';
import { templateOptions } from './template-subjects';

type DraftDeps = Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'templates' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers'
>;

/**
 * Someone who may not send gets only the reason, at once: no people, templates, attachments or mailbox are read
 * for them, and the dialog shows no form.
 */
const refusedDraft = (
  issue: IssueSnapshot,
  permission: Extract<SendPermission, { allowed: false }>,
): IssueEmailDraft => ({
  issueKey: issue.key,
  issueSummary: issue.summary,
  subject: defaultSubject(issue),
  senderMailbox: null,
  permission,
  quickPicks: [],
  templates: [],
  defaultTemplateId: BUILT_IN_TEMPLATE_ID,
  attachments: [],
  commentCount: 0,
  commentAfterSend: false,
  maxMessageBytes: MAX_MESSAGE_BYTES,
});

/**
 * What the dialog starts with: subject, sender mailbox, whether the caller may send (and why not), the people to
 * pick from, templates, attachments and the comment count. Everything the user reads is read as the user.
 */
export const getEmailDraft = async (issueKey: string, caller: Caller, deps: DraftDeps): Promise<IssueEmailDraft> => {
  const [issue, settings] = await Promise.all([deps.jira.readIssue(issueKey), deps.readSettings()]);
  const permission = await checkSenderAccess(deps, settings, issue.project?.key, caller.accountId);
  if (!permission.allowed) return refusedDraft(issue, permission);
  const [credential, templates, people, attachments, comments, senders] = await Promise.all([
    deps.credentials.findDefault(),
    deps.templates.list(),
    deps.jira.readPeople(issueKey),
    deps.jira.listAttachments(issueKey),
    deps.jira.readComments(issueKey, 1),
    senderOptions(settings, issue.project?.key, deps),
  ]);
  const projectDefault = settings.projectTemplates.find((entry) => entry.projectKey === issue.project?.key)?.templateId;
  const defaultTemplateId =
    projectDefault !== undefined && templates.some((template) => template.id === projectDefault)
      ? projectDefault
      : BUILT_IN_TEMPLATE_ID;
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
    ...(senders.length > 1 ? { senders } : {}),
  };
};
