import type { RecipientRole } from '../contract/notification-rules';
import type { IssuePerson, IssueRoles } from '../jira/issue-people';
import { type ReadUserEmails, recipientsOfPeople } from './person-recipients';
import type { Recipient } from './recipients';

/** The people a role names on an issue (the reporter, the assignee, the watchers), active or not. */
export const peopleIn = (roles: IssueRoles, role: RecipientRole): IssuePerson[] => {
  if (role === 'reporter') return roles.reporter === undefined ? [] : [roles.reporter];
  if (role === 'assignee') return roles.assignee === undefined ? [] : [roles.assignee];
  return roles.watchers;
};

/**
 * The active people a role names on an issue as recipients, in the order asked, each once. People whose address
 * Jira hides are reached through the Email API and listed by name; only someone Jira gives no address for at all
 * is left out.
 */
export const recipientsOfRoles = async (
  roles: IssueRoles,
  wanted: readonly RecipientRole[],
  readUserEmails: ReadUserEmails,
): Promise<Recipient[]> => {
  const people = wanted.flatMap((role) => peopleIn(roles, role)).filter((person) => person.active);
  const found = await recipientsOfPeople(people, readUserEmails);
  const listed = new Set<string>();
  return people.flatMap((person) => {
    const recipient = found.get(person.accountId);
    if (recipient === undefined || listed.has(person.accountId)) return [];
    listed.add(person.accountId);
    return [recipient];
  });
};
