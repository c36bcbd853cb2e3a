import { searchJiraUsers } from '../../../src/jira/user-search';
import { fakeJira } from '../support/fake-jira';
import { REFUSALS, userDetails } from './jira-answers';

describe('searchJiraUsers', () => {
  it('asks for 10 users by query and keeps active people whose email Jira shows', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: [
        userDetails('a1', 'Ada Lovelace', 'ada@example.com'),
        userDetails('a2', 'Ada Private'),
        userDetails('a3', 'Ada Gone', 'gone@example.com', { active: false }),
        userDetails('a4', 'Ada Bot', 'bot@example.com', { accountType: 'app' }),
        userDetails('a5', 'Ada Customer', 'customer@example.com', { accountType: 'customer' }),
        userDetails('a6', 'Ada Empty', ''),
        userDetails('a7', 'Ada Byron', 'byron@example.com'),
      ],
    }));
    await expect(searchJiraUsers('ada l&x', requestJira)).resolves.toEqual([
      { name: 'Ada Lovelace', address: 'ada@example.com', source: 'jira' },
      { name: 'Ada Byron', address: 'byron@example.com', source: 'jira' },
    ]);
    expect(calls).toEqual([
      {
        path: '/rest/api/3/user/search?query=ada%20l%26x&maxResults=10',
        init: { method: 'GET', headers: { Accept: 'application/json' } },
      },
    ]);
  });

  it('answers none when Jira answers none (no "Browse users and groups")', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: [] }));
    await expect(searchJiraUsers('ada', requestJira)).resolves.toEqual([]);
  });

  it.each(REFUSALS)('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(searchJiraUsers('ada', requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/user/search answered ${status}.`,
    });
  });

  it.each([
    [{ values: [] }, '(root): Invalid input: expected array, received object'],
    [[{ displayName: 'No id' }], '0.accountId: Invalid input: expected string, received undefined'],
    [[{ accountId: 'a1', active: 1 }], '0.active: Invalid input: expected boolean, received number'],
  ])('names the offending field of %j', async (body, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    await expect(searchJiraUsers('ada', requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/user/search answered an unexpected body: ${detail}`,
    });
  });
});
