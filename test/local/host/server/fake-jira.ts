import type { LocalRequest, LocalResponse } from '../../../../local/http-types';
import type { JiraActor, JiraEmulator, JiraUser } from '../../../../local/jira/types';

export interface FakeJira extends JiraEmulator {
  readonly calls: { request: LocalRequest; actor: JiraActor }[];
  answer: LocalResponse;
}

/** A Jira that records what it was asked and answers one canned response. */
export const fakeJira = (answer: LocalResponse): FakeJira => {
  const users: JiraUser[] = [
    { accountId: 'admin-1', displayName: 'Ada Admin', emailAddress: 'ada@example.com', isAdmin: true },
  ];
  const jira: FakeJira = {
    siteUrl: 'http://127.0.0.1:4000',
    cloudId: 'cloud-1',
    calls: [],
    answer,
    handle: async (request, actor) => {
      jira.calls.push({ request, actor });
      return jira.answer;
    },
    users: () => users,
    user: (accountId) => users.find((user) => user.accountId === accountId),
    issueKeys: () => ['DEMO-1'],
    onEvent: () => () => undefined,
  };
  return jira;
};
