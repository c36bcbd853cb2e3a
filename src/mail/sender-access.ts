import type { SendPermission } from '../contract/issue-email';
import type { MailSettings } from '../contract/mail-settings';
import type { IssueEmailDeps } from './issue-email-ports';

/**
 * Said to someone Jira does not let browse people (a service desk customer, or anyone without product access):
 * emailing issues is agents' work, whatever "who may send" says.
 */
export const NOT_AN_AGENT_REASON =
  'Emailing issues is for people who work on issues in Jira, not for service desk customers. If you work on this issue, ask your Jira admin for access.';

/**
 * Whether the caller may email the issue: Jira must count them as one of its users ("Browse users and groups",
 * which customers lack and which the manifest's display condition asks too), then the admin's "who may send".
 */
export const checkSenderAccess = async (
  deps: Pick<IssueEmailDeps, 'checkPermission' | 'mayBrowseUsers'>,
  settings: MailSettings,
  projectKey: string | undefined,
  accountId: string,
): Promise<SendPermission> => {
  if (!(await deps.mayBrowseUsers())) return { allowed: false, reason: NOT_AN_AGENT_REASON };
  return deps.checkPermission(settings, projectKey, accountId);
};
