import type { IssuePerson } from '../jira/issue-people';
import type { Recipient } from './recipients';

/** Jira's Email API as the app (jira/user-emails.ts): addresses regardless of profile visibility, by account id. */
export type ReadUserEmails = (accountIds: readonly string[]) => Promise<Map<string, string>>;

/**
 * Jira people as recipients, by account id: the address Jira showed whoever read them, else the one the Email API
 * gives, which then goes only into the message (the records list the person by name). The Email API is asked only
 * about people whose address was hidden. A person listed twice counts once, as first listed; someone Jira gives no
 * address for at all is missing from the map.
 */
export const recipientsOfPeople = async (
  people: readonly IssuePerson[],
  readUserEmails: ReadUserEmails,
): Promise<Map<string, Recipient>> => {
  const recipients = new Map<string, Recipient>();
  const hidden: IssuePerson[] = [];
  for (const person of people) {
    if (recipients.has(person.accountId) || hidden.some((other) => other.accountId === person.accountId)) continue;
    if (person.emailAddress === null) hidden.push(person);
    else recipients.set(person.accountId, { address: person.emailAddress, name: person.displayName });
  }
  if (hidden.length === 0) return recipients;
  const emails = await readUserEmails(hidden.map((person) => person.accountId));
  for (const person of hidden) {
    const address = emails.get(person.accountId);
    if (address !== undefined) {
      recipients.set(person.accountId, { address, hidden: { accountId: person.accountId, name: person.displayName } });
    }
  }
  return recipients;
};
