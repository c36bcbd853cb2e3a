import type { RecipientRole } from '../contract/notification-rules';
import type { IssueRoles } from '../jira/issue-people';

/** Who a role names on an issue, as far as Jira shows their address; people without one are left out. */
export const addressesOfRoles = (roles: IssueRoles, wanted: readonly RecipientRole[]): string[] => {
  const people = wanted.flatMap((role) => {
    if (role === 'reporter') return roles.reporter === undefined ? [] : [roles.reporter];
    if (role === 'assignee') return roles.assignee === undefined ? [] : [roles.assignee];
    return roles.watchers;
  });
  return people.filter((person) => person.active).flatMap((person) => (person.emailAddress === null ? [] : [person.emailAddress]));
};
