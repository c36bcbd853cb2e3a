import type { NotificationRuleView, RecipientRole } from '../contract/notification-rules';
import type { IssuePerson, IssueRoles } from '../jira/issue-people';
import { type ReadUserEmails, recipientsOfPeople } from '../mail/person-recipients';
import { foldRecipients, type Recipient } from '../mail/recipients';
import { peopleIn } from '../mail/role-recipients';

/** Why a role gave no one, in an admin's words. */
const gapOf = (role: RecipientRole, people: readonly IssuePerson[], reached: number): string | undefined => {
  const active = people.filter((person) => person.active);
  if (role === 'watchers') {
    if (people.length === 0) return 'the issue has no watchers';
    if (active.length === 0) return "the watchers' accounts are inactive";
    return reached === 0 ? "the watchers' addresses are hidden" : undefined;
  }
  if (people.length === 0) return `the issue has no ${role}`;
  if (active.length === 0) return `the ${role}'s account is inactive`;
  return reached === 0 ? `the ${role}'s address is hidden` : undefined;
};

export interface RuleRecipients {
  to: Recipient[];
  /** What a role could not give: "the issue has no assignee", "the reporter's address hidden". */
  gaps: string[];
}

/**
 * The rule's recipients on this issue: its roles (active people whose address Jira gives, hidden ones through the
 * Email API) and its addresses, each address once; and, for the run history, why a role reached no one.
 */
export const ruleRecipients = async (
  rule: Pick<NotificationRuleView, 'recipients'>,
  roles: IssueRoles | undefined,
  readUserEmails: ReadUserEmails,
): Promise<RuleRecipients> => {
  const wanted = rule.recipients.roles;
  const people =
    roles === undefined ? [] : wanted.flatMap((role) => peopleIn(roles, role)).filter((person) => person.active);
  const found = people.length === 0 ? new Map<string, Recipient>() : await recipientsOfPeople(people, readUserEmails);
  const listed = new Set<string>();
  const fromRoles = people.flatMap((person) => {
    const recipient = found.get(person.accountId);
    if (recipient === undefined || listed.has(person.accountId)) return [];
    listed.add(person.accountId);
    return [recipient];
  });
  const gaps =
    roles === undefined
      ? []
      : wanted.flatMap((role) => {
          const inRole = peopleIn(roles, role);
          return gapOf(role, inRole, inRole.filter((person) => found.has(person.accountId)).length) ?? [];
        });
  const to = [...rule.recipients.addresses, ...fromRoles];
  return { to: to.length === 0 ? [] : foldRecipients({ to, cc: [], bcc: [] }).to, gaps };
};
