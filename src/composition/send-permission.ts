import { readMyGroups } from '../jira/groups';
import { requestJiraAsApp, requestJiraAsUser } from '../jira/jira-client';
import { rolesOfUserInProject } from '../jira/project-roles';
import type { IssueEmailDeps } from '../mail/issue-email-ports';
import { checkSendPermission } from '../settings/send-permission';

/** "Who may send", asked of Jira as the invoking user: the dialog's sender or an Automation rule's actor. */
export const checkPermission: IssueEmailDeps['checkPermission'] = (current, projectKey, accountId) =>
  checkSendPermission(
    { whoMaySend: current.whoMaySend, projectKey, accountId },
    {
      myGroups: () => readMyGroups(requestJiraAsUser),
      rolesOfUserInProject: (key, account, groupIds, roleIds) =>
        rolesOfUserInProject(key, account, groupIds, roleIds, requestJiraAsApp),
    },
  );
