import { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { SiteUser } from '../../../local/jira/model';
import { ANONYMOUS, APP, as, get, newJira, SITE } from './helpers';
import { schemaErrors } from './openapi';

const GROUP_IDS = {
  'atlassian-addons-admin': '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e05',
  'jira-admins': '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e01',
  'jira-software-users': '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e02',
  'security-team': '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e06',
  'site-admins': '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e03',
  'support-agents': '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e04',
} as const;
type GroupName = keyof typeof GROUP_IDS;

interface GroupsAnswer {
  groups: { size: number; items: { name: string; groupId: string; self: string }[] };
}
interface FoundGroupsAnswer {
  header: string;
  total: number;
  groups: { name: string; html: string; labels: unknown[]; groupId: string }[];
}
interface RoleAnswer {
  self: string;
  name: string;
  id: number;
  description: string;
  actors: {
    id: number;
    displayName: string;
    type: string;
    actorUser?: { accountId: string };
    actorGroup?: { name: string; displayName: string; groupId: string };
  }[];
}

describe('groups, project roles and project search', () => {
  const jira = newJira();
  const admin = as(ALEX_ADMIN);

  describe('GET /rest/api/3/myself?expand=groups', () => {
    it.each<[string, SiteUser | 'app', GroupName[]]>([
      ['Alex', ALEX_ADMIN, ['jira-admins', 'jira-software-users', 'site-admins', 'support-agents']],
      ['Sam', SAM_AGENT, ['jira-software-users', 'security-team', 'support-agents']],
      ['Jordan', JORDAN_MEMBER, ['jira-software-users']],
      ['Casey', CASEY_CUSTOMER, []],
      // A Forge app's own account is in the default user group only, never in an admin group.
      ['the app', 'app', ['jira-software-users']],
    ])('lists the groups of %s with their fixed ids', async (_who, user, names) => {
      const answer = await get(jira, '/rest/api/3/myself?expand=groups', user === 'app' ? APP : as(user));
      const body = answer.json<GroupsAnswer>();
      expect(body.groups).toEqual({
        size: names.length,
        items: names.map((name) => ({
          name,
          groupId: GROUP_IDS[name],
          self: `${SITE}/rest/api/3/group?groupId=${GROUP_IDS[name]}`,
        })),
      });
      expect(schemaErrors('User', answer.json())).toEqual([]);
    });
  });

  describe('GET /rest/api/3/groups/picker', () => {
    it('finds groups whose name contains the query, in any case, with the match in bold', async () => {
      const answer = await get(jira, '/rest/api/3/groups/picker?query=ADMIN', admin);
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({
        header: 'Showing 3 of 3 matching groups',
        total: 3,
        groups: [
          {
            name: 'atlassian-addons-admin',
            html: 'atlassian-addons-<b>admin</b>',
            labels: [],
            groupId: GROUP_IDS['atlassian-addons-admin'],
          },
          { name: 'jira-admins', html: 'jira-<b>admin</b>s', labels: [], groupId: GROUP_IDS['jira-admins'] },
          { name: 'site-admins', html: 'site-<b>admin</b>s', labels: [], groupId: GROUP_IDS['site-admins'] },
        ],
      });
      expect(schemaErrors('FoundGroups', answer.json())).toEqual([]);
    });

    it.each([
      [
        '',
        [
          'atlassian-addons-admin',
          'jira-admins',
          'jira-software-users',
          'security-team',
          'site-admins',
          'support-agents',
        ],
        6,
      ],
      ['query=support', ['support-agents'], 1],
      ['query=jira&maxResults=1', ['jira-admins'], 2],
      ['query=admin&exclude=jira-admins', ['atlassian-addons-admin', 'site-admins'], 2],
      [`query=admin&excludeId=${GROUP_IDS['site-admins']}`, ['atlassian-addons-admin', 'jira-admins'], 2],
      ['query=nobody', [], 0],
    ])('?%s answers %j of %i', async (query, names, total) => {
      const body = (await get(jira, `/rest/api/3/groups/picker?${query}`, as(SAM_AGENT))).json<FoundGroupsAnswer>();
      expect(body.groups.map((group) => group.name)).toEqual(names);
      expect(body.total).toBe(total);
      expect(body.header).toBe(`Showing ${names.length} of ${total} matching groups`);
    });

    it('refuses anonymous callers', async () => {
      expect((await get(jira, '/rest/api/3/groups/picker?query=a', ANONYMOUS)).status).toBe(401);
    });
  });

  describe('GET /rest/api/3/role', () => {
    it('lists every project role for Alex (Jira admin)', async () => {
      const answer = await get(jira, '/rest/api/3/role', admin);
      expect(answer.status).toBe(200);
      const roles = answer.json<RoleAnswer[]>();
      expect(roles.map(({ id, name, self }) => ({ id, name, self }))).toEqual([
        { id: 10000, name: 'Developers', self: `${SITE}/rest/api/3/role/10000` },
        { id: 10001, name: 'Users', self: `${SITE}/rest/api/3/role/10001` },
        { id: 10002, name: 'Administrators', self: `${SITE}/rest/api/3/role/10002` },
        { id: 10003, name: 'Service Desk Team', self: `${SITE}/rest/api/3/role/10003` },
        { id: 10004, name: 'atlassian-addons-project-access', self: `${SITE}/rest/api/3/role/10004` },
      ]);
      roles.forEach((role) => expect(schemaErrors('ProjectRole', role)).toEqual([]));
    });

    it.each([
      ['Sam', as(SAM_AGENT)],
      ['Jordan', as(JORDAN_MEMBER)],
      ['the app, whose account is no Jira admin', APP],
    ])('answers 403 to %s', async (_who, actor) => {
      const answer = await get(jira, '/rest/api/3/role', actor);
      expect(answer.status).toBe(403);
      expect(answer.json()).toEqual({
        errorMessages: ['You are not authorized to perform this action. Administrator privileges are required.'],
        errors: {},
      });
    });
  });

  describe('GET /rest/api/3/project/{key}/role', () => {
    it('maps role names to their URLs in the project', async () => {
      const answer = await get(jira, '/rest/api/3/project/DEMO/role', APP);
      expect(answer.json()).toEqual({
        Developers: `${SITE}/rest/api/3/project/10000/role/10000`,
        Users: `${SITE}/rest/api/3/project/10000/role/10001`,
        Administrators: `${SITE}/rest/api/3/project/10000/role/10002`,
        'Service Desk Team': `${SITE}/rest/api/3/project/10000/role/10003`,
        'atlassian-addons-project-access': `${SITE}/rest/api/3/project/10000/role/10004`,
      });
    });

    it('answers 404 to someone who does not administer the project, as for a missing one', async () => {
      const refused = await get(jira, '/rest/api/3/project/DEMO/role', as(SAM_AGENT));
      expect([refused.status, refused.json()]).toEqual([
        404,
        { errorMessages: ["No project could be found with key 'DEMO'."], errors: {} },
      ]);
      expect((await get(jira, '/rest/api/3/project/NOPE/role', admin)).status).toBe(404);
    });
  });

  describe('GET /rest/api/3/project/{key}/role/{id}', () => {
    const actorsOf = async (roleId: number) =>
      (await get(jira, `/rest/api/3/project/DEMO/role/${roleId}`, APP)).json<RoleAnswer>().actors.map((actor) => ({
        type: actor.type,
        who: actor.actorUser?.accountId ?? actor.actorGroup?.groupId,
      }));

    it.each([
      [10000, 'Developers', [{ type: 'atlassian-user-role-actor', who: JORDAN_MEMBER.accountId }]],
      [10001, 'Users', [{ type: 'atlassian-group-role-actor', who: GROUP_IDS['jira-software-users'] }]],
      [10002, 'Administrators', [{ type: 'atlassian-user-role-actor', who: ALEX_ADMIN.accountId }]],
      [10003, 'Service Desk Team', [{ type: 'atlassian-user-role-actor', who: SAM_AGENT.accountId }]],
      [10004, 'atlassian-addons-project-access', [{ type: 'atlassian-user-role-actor', who: APP_USER.accountId }]],
    ])('role %i (%s) has the seeded actors', async (roleId, _name, actors) => {
      expect(await actorsOf(roleId)).toEqual(actors);
    });

    it('answers a ProjectRole with user and group actors as Jira shapes them', async () => {
      const answer = await get(jira, '/rest/api/3/project/DEMO/role/10001', admin);
      expect(answer.json()).toEqual({
        self: `${SITE}/rest/api/3/project/10000/role/10001`,
        name: 'Users',
        id: 10001,
        description: 'A project role that represents users in a project',
        actors: [
          {
            id: 10310,
            displayName: 'jira-software-users',
            type: 'atlassian-group-role-actor',
            name: 'jira-software-users',
            actorGroup: {
              name: 'jira-software-users',
              displayName: 'jira-software-users',
              groupId: GROUP_IDS['jira-software-users'],
            },
          },
        ],
      });
      expect(schemaErrors('ProjectRole', answer.json())).toEqual([]);
      const user = await get(jira, '/rest/api/3/project/10000/role/10003', admin);
      expect(user.json<RoleAnswer>().actors).toEqual([
        {
          id: 10330,
          displayName: 'Sam Rivera',
          type: 'atlassian-user-role-actor',
          avatarUrl: `${SITE}/avatar-management/initials/SR-5.png?size=48&s=48`,
          actorUser: { accountId: SAM_AGENT.accountId },
        },
      ]);
      expect(schemaErrors('ProjectRole', user.json())).toEqual([]);
    });

    it.each([
      [
        'an unknown role',
        '/rest/api/3/project/DEMO/role/99999',
        APP,
        "No project role could be found with id '99999'.",
      ],
      [
        'a role id that is not a number',
        '/rest/api/3/project/DEMO/role/abc',
        APP,
        "No project role could be found with id 'abc'.",
      ],
      [
        'a caller who does not administer the project',
        '/rest/api/3/project/DEMO/role/10003',
        as(SAM_AGENT),
        "No project could be found with key 'DEMO'.",
      ],
    ])('answers 404 for %s', async (_what, path, actor, message) => {
      const answer = await get(jira, path, actor);
      expect([answer.status, answer.json()]).toEqual([404, { errorMessages: [message], errors: {} }]);
    });
  });

  describe('GET /rest/api/3/project/search', () => {
    it('pages the projects the caller can browse', async () => {
      const answer = await get(jira, '/rest/api/3/project/search', admin);
      expect(answer.status).toBe(200);
      const body = answer.json<{ values: { key: string; name: string }[] } & Record<string, unknown>>();
      expect(body).toMatchObject({
        self: `${SITE}/rest/api/3/project/search?startAt=0&maxResults=50`,
        maxResults: 50,
        startAt: 0,
        total: 2,
        isLast: true,
      });
      expect(body.nextPage).toBeUndefined();
      // Alex administers Jira, but SEC's scheme grants its security team only.
      expect(body.values.map(({ key, name }) => ({ key, name }))).toEqual([
        { key: 'DEMO', name: 'Demo IT Support' },
        { key: 'OPS', name: 'IT Operations' },
      ]);
      expect(schemaErrors('PageBeanProject', body)).toEqual([]);
    });

    it.each([
      ['query=it+supp', ['DEMO']],
      ['query=demo', ['DEMO']],
      ['query=nothing', []],
      ['keys=DEMO&keys=OTHER', ['DEMO']],
      ['typeKey=business', []],
      ['orderBy=-name', ['DEMO']],
      ['startAt=1', []],
    ])('?%s answers %j', async (query, keys) => {
      const body = (await get(jira, `/rest/api/3/project/search?${query}`, as(JORDAN_MEMBER))).json<{
        values: { key: string }[];
      }>();
      expect(body.values.map((project) => project.key)).toEqual(keys);
    });

    it('answers 400 for an order it does not know', async () => {
      const answer = await get(jira, '/rest/api/3/project/search?orderBy=colour', admin);
      expect([answer.status, answer.json()]).toEqual([
        400,
        { errorMessages: ["The orderBy value 'colour' is not supported."], errors: {} },
      ]);
    });
  });
});
