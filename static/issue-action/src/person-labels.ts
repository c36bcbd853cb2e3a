import type { PersonOption, PersonSource } from '../../../src/contract/issue-email';

/** Where a person was found, as the suggestion list and quick picks name it. */
export const SOURCE_LABELS: Record<PersonSource, string> = {
  directory: 'Microsoft 365',
  jira: 'Jira',
  reporter: 'Reporter',
  assignee: 'Assignee',
  watcher: 'Watcher',
};

/** A person with an address the email can go to; Jira hides some people's addresses. */
export type Reachable = PersonOption & { address: string };

export const isReachable = (person: PersonOption): person is Reachable => person.address !== null;
