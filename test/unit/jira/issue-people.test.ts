import { readIssueParticipants, readIssuePeople } from '../../../src/jira/issue-people';
import { fakeJira } from '../support/fake-jira';
import { ADA, bulkPage, GRACE, KEN, LINUS, userDetails, watchersOf } from './jira-answers';

const ISSUE_PATH = '/rest/api/3/issue/DEMO-1?fields=reporter,assignee';
const WATCHERS_PATH = '/rest/api/3/issue/DEMO-1/watchers';

const jiraWith = (answers: Record<string, { status: number; body: unknown }>) =>
  fakeJira((path) => {
    const prefix = Object.keys(answers).find((candidate) => path === candidate || path.startsWith(`${candidate}?`));
    const answer = prefix === undefined ? undefined : answers[prefix];
    if (answer === undefined) throw new Error(`unexpected call ${path}`);
    return answer;
  });

describe('readIssuePeople', () => {
  it('answers reporter, assignee and watchers in that order, each person once', async () => {
    const { requestJira, calls } = jiraWith({
      [ISSUE_PATH]: { status: 200, body: { id: '10001', key: 'DEMO-1', fields: { reporter: GRACE, assignee: ADA } } },
      [WATCHERS_PATH]: { status: 200, body: watchersOf(ADA, KEN, GRACE) },
    });
    await expect(readIssuePeople('DEMO-1', requestJira)).resolves.toEqual([
      { name: 'Grace Hopper', address: 'grace@example.com', accountId: 'a2', source: 'reporter' },
      { name: 'Ada Lovelace', address: 'ada@example.com', accountId: 'a1', source: 'assignee' },
      { name: 'Ken Thompson', address: 'ken@example.com', accountId: 'a4', source: 'watcher' },
    ]);
    expect(calls.map((call) => call.path)).toEqual([ISSUE_PATH, WATCHERS_PATH]);
    expect(calls.every((call) => call.init?.method === 'GET')).toBe(true);
  });

  it('folds a reporter who is also the assignee into one entry, as reporter', async () => {
    const { requestJira } = jiraWith({
      [ISSUE_PATH]: { status: 200, body: { fields: { reporter: GRACE, assignee: GRACE } } },
      [WATCHERS_PATH]: { status: 200, body: watchersOf() },
    });
    await expect(readIssuePeople('DEMO-1', requestJira)).resolves.toEqual([
      { name: 'Grace Hopper', address: 'grace@example.com', accountId: 'a2', source: 'reporter' },
    ]);
  });

  it('asks /user/bulk only for watchers whose email the watcher list left out, and keeps null when Jira hides it', async () => {
    const hiddenToo = userDetails('a5', 'Hidden Person');
    const { requestJira, calls } = jiraWith({
      [ISSUE_PATH]: { status: 200, body: { fields: { reporter: LINUS, assignee: null } } },
      [WATCHERS_PATH]: { status: 200, body: watchersOf(LINUS, KEN, userDetails('a6', 'Bulk Shown'), hiddenToo) },
      '/rest/api/3/user/bulk': {
        status: 200,
        body: bulkPage(userDetails('a6', 'Bulk Shown', 'shown@example.com'), hiddenToo),
      },
    });
    const people = await readIssueParticipants('DEMO-1', requestJira);
    expect(people).toEqual([
      { accountId: 'a3', displayName: 'Linus Private', emailAddress: null, active: true, source: 'reporter' },
      {
        accountId: 'a4',
        displayName: 'Ken Thompson',
        emailAddress: 'ken@example.com',
        active: true,
        source: 'watcher',
      },
      {
        accountId: 'a6',
        displayName: 'Bulk Shown',
        emailAddress: 'shown@example.com',
        active: true,
        source: 'watcher',
      },
      { accountId: 'a5', displayName: 'Hidden Person', emailAddress: null, active: true, source: 'watcher' },
    ]);
    // The reporter's hidden address is not looked up again: the issue already showed what the caller may see.
    expect(calls[2]?.path).toBe('/rest/api/3/user/bulk?maxResults=50&accountId=a6&accountId=a5');
    expect(calls).toHaveLength(3);
  });

  it('asks for at most 50 accounts a call', async () => {
    const watchers = Array.from({ length: 51 }, (_, index) => userDetails(`w${index}`, `Watcher ${index}`));
    const { requestJira, calls } = jiraWith({
      [ISSUE_PATH]: { status: 200, body: { fields: {} } },
      [WATCHERS_PATH]: { status: 200, body: watchersOf(...watchers) },
      '/rest/api/3/user/bulk': { status: 200, body: bulkPage() },
    });
    const people = await readIssuePeople('DEMO-1', requestJira);
    expect(people).toHaveLength(51);
    const bulkCalls = calls.filter((call) => call.path.startsWith('/rest/api/3/user/bulk'));
    expect(bulkCalls.map((call) => new URLSearchParams(call.path.split('?')[1]).getAll('accountId').length)).toEqual([
      50, 1,
    ]);
  });

  it('keeps inactive people, marked, and treats an empty or malformed address as hidden', async () => {
    const { requestJira } = jiraWith({
      [ISSUE_PATH]: {
        status: 200,
        body: {
          fields: {
            reporter: userDetails('a7', 'Gone', 'gone@example.com', { active: false }),
            assignee: userDetails('a8', 'Odd', 'not an address'),
          },
        },
      },
      [WATCHERS_PATH]: { status: 200, body: watchersOf() },
    });
    await expect(readIssueParticipants('DEMO-1', requestJira)).resolves.toEqual([
      { accountId: 'a7', displayName: 'Gone', emailAddress: 'gone@example.com', active: false, source: 'reporter' },
      { accountId: 'a8', displayName: 'Odd', emailAddress: null, active: true, source: 'assignee' },
    ]);
  });

  it.each([
    [ISSUE_PATH, 404, 'JIRA_ISSUE_NOT_FOUND', 'GET /rest/api/3/issue/DEMO-1 answered 404.'],
    [ISSUE_PATH, 401, 'JIRA_FORBIDDEN', 'GET /rest/api/3/issue/DEMO-1 answered 401.'],
    [ISSUE_PATH, 403, 'JIRA_FORBIDDEN', 'GET /rest/api/3/issue/DEMO-1 answered 403.'],
    [ISSUE_PATH, 500, 'JIRA_REQUEST_FAILED', 'GET /rest/api/3/issue/DEMO-1 answered 500.'],
    [WATCHERS_PATH, 404, 'JIRA_ISSUE_NOT_FOUND', 'GET /rest/api/3/issue/DEMO-1/watchers answered 404.'],
    [WATCHERS_PATH, 401, 'JIRA_FORBIDDEN', 'GET /rest/api/3/issue/DEMO-1/watchers answered 401.'],
    [WATCHERS_PATH, 403, 'JIRA_FORBIDDEN', 'GET /rest/api/3/issue/DEMO-1/watchers answered 403.'],
    [WATCHERS_PATH, 500, 'JIRA_REQUEST_FAILED', 'GET /rest/api/3/issue/DEMO-1/watchers answered 500.'],
    ['/rest/api/3/user/bulk', 401, 'JIRA_REQUEST_FAILED', 'GET /rest/api/3/user/bulk answered 401.'],
  ])('maps %s answering %i to %s', async (failing, status, code, message) => {
    const { requestJira } = jiraWith({
      [ISSUE_PATH]: { status: 200, body: { fields: { reporter: LINUS } } },
      [WATCHERS_PATH]: { status: 200, body: watchersOf(userDetails('a9', 'No Email')) },
      '/rest/api/3/user/bulk': { status: 200, body: bulkPage() },
      [failing]: { status, body: { errorMessages: ['detail'] } },
    });
    await expect(readIssuePeople('DEMO-1', requestJira)).rejects.toMatchObject({ code, status, message });
  });

  it.each([
    [
      ISSUE_PATH,
      { fields: { reporter: { displayName: 'No id' } } },
      'GET /rest/api/3/issue/DEMO-1 answered an unexpected body: fields.reporter.accountId: Invalid input: expected string, received undefined',
    ],
    [
      ISSUE_PATH,
      {},
      'GET /rest/api/3/issue/DEMO-1 answered an unexpected body: fields: Invalid input: expected object, received undefined',
    ],
    [
      WATCHERS_PATH,
      { watchers: [{ accountId: 7 }] },
      'GET /rest/api/3/issue/DEMO-1/watchers answered an unexpected body: watchers.0.accountId: Invalid input: expected string, received number',
    ],
    [
      '/rest/api/3/user/bulk',
      { values: [{ accountId: 'a9', active: 'yes' }] },
      'GET /rest/api/3/user/bulk answered an unexpected body: values.0.active: Invalid input: expected boolean, received string',
    ],
  ])('names the offending field of %s', async (failing, body, message) => {
    const { requestJira } = jiraWith({
      [ISSUE_PATH]: { status: 200, body: { fields: { reporter: LINUS } } },
      [WATCHERS_PATH]: { status: 200, body: watchersOf(userDetails('a9', 'No Email')) },
      '/rest/api/3/user/bulk': { status: 200, body: bulkPage() },
      [failing]: { status: 200, body },
    });
    await expect(readIssuePeople('DEMO-1', requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      status: 200,
      message,
    });
  });

  it('does not call Jira for a malformed key', async () => {
    const { requestJira, calls } = jiraWith({});
    await expect(readIssuePeople('DEMO-1/../x', requestJira)).rejects.toMatchObject({ code: 'JIRA_ISSUE_NOT_FOUND' });
    expect(calls).toHaveLength(0);
  });
});
