import { listRoles, rolesOfUserInProject } from '../../../src/jira/project-roles';
import { fakeJira } from '../support/fake-jira';
import { REFUSALS } from './jira-answers';

const BASE = 'https://example.atlassian.net/rest/api/3';

const userActor = (id: number, accountId: string) => ({
  id,
  displayName: `User ${accountId}`,
  type: 'atlassian-user-role-actor',
  actorUser: { accountId },
});
const groupActor = (id: number, name: string, groupId: string) => ({
  id,
  displayName: name,
  type: 'atlassian-group-role-actor',
  name,
  actorGroup: { name, displayName: name, groupId },
});
const role = (id: number, name: string, actors: unknown[]) => ({
  self: `${BASE}/project/10000/role/${id}`,
  name,
  id,
  description: '',
  actors,
});

/** The DEMO project's roles: Developers (user u-dev), Users (group g-users), Service Desk Team (user u-agent). */
const ROLES: Record<number, unknown> = {
  10000: role(10000, 'Developers', [userActor(1, 'u-dev')]),
  10001: role(10001, 'Users', [groupActor(2, 'jira-software-users', 'g-users')]),
  10003: role(10003, 'Service Desk Team', [userActor(3, 'u-agent'), groupActor(4, 'named-only', 'g-other')]),
};

const demoJira = () =>
  fakeJira((path) => {
    if (path === '/rest/api/3/project/DEMO/role') {
      return {
        status: 200,
        body: {
          Developers: `${BASE}/project/10000/role/10000`,
          Users: `${BASE}/project/10000/role/10001`,
          'Service Desk Team': `${BASE}/project/10000/role/10003`,
        },
      };
    }
    const id = Number(/\/role\/(\d+)$/.exec(path)?.[1]);
    const body = ROLES[id];
    return body === undefined ? { status: 404, body: { errorMessages: ['No project role'] } } : { status: 200, body };
  });

describe('listRoles', () => {
  it("lists the site's project roles by name", async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: [role(10002, 'Administrators', []), role(10003, 'Service Desk Team', []), role(10000, 'Developers', [])],
    }));
    await expect(listRoles(requestJira)).resolves.toEqual([
      { id: 10002, name: 'Administrators' },
      { id: 10000, name: 'Developers' },
      { id: 10003, name: 'Service Desk Team' },
    ]);
    expect(calls.map((call) => call.path)).toEqual(['/rest/api/3/role']);
  });

  it.each(REFUSALS)('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(listRoles(requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/role answered ${status}.`,
    });
  });

  it.each([
    [[{ name: 'No id' }], '0.id: Invalid input: expected number, received undefined'],
    [[{ id: '10002', name: 'Text id' }], '0.id: Invalid input: expected number, received string'],
  ])('names the offending field', async (body, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    await expect(listRoles(requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/role answered an unexpected body: ${detail}`,
    });
  });
});

describe('rolesOfUserInProject', () => {
  it.each([
    ['a user actor', 'u-dev', [], [10000]],
    ['a group actor, by group id', 'u-nobody', ['g-users'], [10001]],
    ['both', 'u-agent', ['g-users'], [10001, 10003]],
    ['a group of the same name but another id', 'u-nobody', ['g-named-only'], []],
    ['nothing', 'u-nobody', [], []],
  ])('finds roles held through %s', async (_how, accountId, groupIds, held) => {
    const { requestJira, calls } = demoJira();
    await expect(rolesOfUserInProject('DEMO', accountId, groupIds, undefined, requestJira)).resolves.toEqual(held);
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/project/DEMO/role',
      '/rest/api/3/project/DEMO/role/10000',
      '/rest/api/3/project/DEMO/role/10001',
      '/rest/api/3/project/DEMO/role/10003',
    ]);
  });

  it('checks only the roles asked about, and counts a role the project lacks (404) as not held', async () => {
    const { requestJira, calls } = demoJira();
    await expect(rolesOfUserInProject('DEMO', 'u-agent', [], [10003, 99999], requestJira)).resolves.toEqual([10003]);
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/project/DEMO/role/10003',
      '/rest/api/3/project/DEMO/role/99999',
    ]);
  });

  it.each(REFUSALS)('maps status %i of a role to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(rolesOfUserInProject('DEMO', 'u-dev', [], [10000], requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/project/DEMO/role/10000 answered ${status}.`,
    });
  });

  it('maps a refused role list', async () => {
    const { requestJira } = fakeJira(() => ({ status: 404, body: {} }));
    await expect(rolesOfUserInProject('DEMO', 'u-dev', [], undefined, requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      status: 404,
      message: 'GET /rest/api/3/project/DEMO/role answered 404.',
    });
  });

  it.each([
    [
      { id: 10000, actors: [{ type: 'atlassian-user-role-actor', actorUser: { accountId: 5 } }] },
      'actors.0.actorUser.accountId: Invalid input: expected string, received number',
    ],
    [{ name: 'No id', actors: [] }, 'id: Invalid input: expected number, received undefined'],
  ])('names the offending field of a role', async (body, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    await expect(rolesOfUserInProject('DEMO', 'u-dev', [], [10000], requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/project/DEMO/role/10000 answered an unexpected body: ${detail}`,
    });
  });

  it('names the offending field of the role list', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { Developers: 10000 } }));
    await expect(rolesOfUserInProject('DEMO', 'u-dev', [], undefined, requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message:
        'GET /rest/api/3/project/DEMO/role answered an unexpected body: Developers: Invalid input: expected string, received number',
    });
  });

  it.each([['demo'], ['DEMO/../x'], ['']])('does not call Jira for the project key %j', async (key) => {
    const { requestJira, calls } = demoJira();
    await expect(rolesOfUserInProject(key, 'u-dev', [], undefined, requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      message: 'Not a Jira project key; no request made.',
    });
    expect(calls).toHaveLength(0);
  });
});
