import { isJiraUserRecipient, type RecipientInput } from '../contract/recipient-input';
import type { IssuePerson } from '../jira/issue-people';
import { MailValidationError } from './errors';
import { type ReadUserEmails, recipientsOfPeople } from './person-recipients';
import type { RecipientEntry, RecipientsInput } from './recipients';

export interface PickedUsersDeps {
  /** The issue's reporter, assignee and watchers, as the sender sees them. */
  readParticipants: (issueKey: string) => Promise<IssuePerson[]>;
  readUserEmails: ReadUserEmails;
}

type Field = keyof RecipientsInput;
export type PickedInput = Record<Field, readonly RecipientInput[]>;

const FIELDS: readonly Field[] = ['to', 'cc', 'bcc'];

/**
 * Turns the Jira users the sender picked (`{ accountId }`) into recipients. Only the issue's own people, as the
 * sender sees them, can be picked this way: the app reads hidden addresses for the message, and must not become a
 * way to email anyone on the site. Addresses pass through unchanged; Jira is not asked when nobody was picked.
 */
export const resolvePickedUsers = async (
  issueKey: string,
  input: PickedInput,
  deps: PickedUsersDeps,
): Promise<RecipientsInput> => {
  const picked = FIELDS.flatMap((field) =>
    input[field].filter(isJiraUserRecipient).map((user) => ({ field, accountId: user.accountId })),
  );
  const participants = new Map(
    picked.length === 0
      ? []
      : (await deps.readParticipants(issueKey)).map((person) => [person.accountId, person] as const),
  );
  const people: IssuePerson[] = [];
  for (const { field, accountId } of picked) {
    const person = participants.get(accountId);
    if (person === undefined) {
      throw new MailValidationError({
        [field]: "Only this issue's reporter, assignee and watchers can be added from Jira.",
      });
    }
    if (!person.active)
      throw new MailValidationError({
        [field]: `${person.displayName} cannot be emailed: their Jira account is deactivated.`,
      });
    people.push(person);
  }
  const found = await recipientsOfPeople(people, deps.readUserEmails);
  const resolve = (field: Field): RecipientEntry[] =>
    input[field].map((entry) => {
      if (!isJiraUserRecipient(entry)) return entry;
      const recipient = found.get(entry.accountId);
      if (recipient === undefined) {
        const name = participants.get(entry.accountId)?.displayName ?? 'This person';
        throw new MailValidationError({ [field]: `Jira gives no email address for ${name}.` });
      }
      return recipient;
    });
  return { to: resolve('to'), cc: resolve('cc'), bcc: resolve('bcc') };
};
