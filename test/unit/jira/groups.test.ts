import { readMyGroups, searchGroups } from '../../../src/jira/groups';
import { fakeJira } from '../support/fake-jira';
import { REFUSALS } from './jira-answers';

const SELF = 'https://example.atlassian.net/rest/api/3/group?groupId=';

describe('readMyGroups', () => {
  it("reads the caller's groups with their ids from /myself?expand=groups", async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: {
        accountId: 'a1',
        groups: {
          size: 3,
          items: [
            { name: 'jira-admins', groupId: 'g-1', self: `${SELF}g-1` },
            { name: 'support-agents', groupId: 'g-2', self: `${SELF}g-2` },
            { name: 'legacy', groupId: null },
          ],
        },
      },
    }));
    await expect(readMyGroups(requestJira)).resolves.toEqual([
      { name: 'jira-admins', groupId: 'g-1' },
      { name: 'support-agents', groupId: 'g-2' },
      { name: 'legacy', groupId: null },
    ]);
    expect(calls.map((call) => call.path)).toEqual(['/rest/api/3/myself?expand=groups']);
  });

  it.each([...REFUSALS, [404, 'JIRA_REQUEST_FAILED'] as const])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(readMyGroups(requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/myself answered ${status}.`,
    });
  });

  it.each([
    [{ accountId: 'a1' }, 'groups: Invalid input: expected object, received undefined'],
    [
      { groups: { size: 1, items: [{ groupId: 'g-1' }] } },
      'groups.items.0.name: Invalid input: expected string, received undefined',
    ],
  ])('names the offending field', async (body, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    await expect(readMyGroups(requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/myself answered an unexpected body: ${detail}`,
    });
  });
});

describe('searchGroups', () => {
  it('finds groups by name through the picker, leaving out groups without an id', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: {
        header: 'Showing 3 of 3 matching groups',
        total: 3,
        groups: [
          { name: 'support-agents', html: '<b>support</b>-agents', labels: [], groupId: 'g-2' },
          { name: 'support-legacy', html: '<b>support</b>-legacy', labels: [] },
          { name: 'support-leads', html: '<b>support</b>-leads', labels: [], groupId: 'g-3' },
        ],
      },
    }));
    await expect(searchGroups('support & co', requestJira)).resolves.toEqual([
      { id: 'g-2', name: 'support-agents' },
      { id: 'g-3', name: 'support-leads' },
    ]);
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/groups/picker?query=support%20%26%20co&maxResults=20',
    ]);
  });

  it.each(REFUSALS)('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(searchGroups('a', requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/groups/picker answered ${status}.`,
    });
  });

  it('names the offending field', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { groups: [{ name: 3 }] } }));
    await expect(searchGroups('a', requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message:
        'GET /rest/api/3/groups/picker answered an unexpected body: groups.0.name: Invalid input: expected string, received number',
    });
  });
});
