import { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';
import { ANONYMOUS, APP, as, get, newJira, send, SITE } from './helpers';

interface UserAnswer {
  self: string;
  accountId: string;
  accountType: string;
  emailAddress?: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  locale: string;
  avatarUrls: Record<string, string>;
  groups: { size: number; items: { name: string }[] };
  applicationRoles: { size: number; items: unknown[] };
  expand: string;
}

type PermissionsAnswer = { permissions: Record<string, { key: string; type: string; havePermission: boolean }> };

const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

describe('users and permissions', () => {
  const jira = newJira();

  describe('GET /rest/api/3/myself', () => {
    it.each([
      [ALEX_ADMIN, 'Alex Admin', 'alex.admin@example.com', 'Europe/London', 'atlassian'],
      [SAM_AGENT, 'Sam Rivera', 'sam.rivera@example.com', 'America/New_York', 'atlassian'],
      [JORDAN_MEMBER, 'Jordan Lee', 'jordan.lee@example.com', 'Europe/Berlin', 'atlassian'],
      [CASEY_CUSTOMER, 'Casey Customer', 'casey.customer@customer.example', 'Australia/Sydney', 'atlassian'],
    ])('answers %s.displayName for asUser', async (user, displayName, emailAddress, timeZone, accountType) => {
      const answer = await get(jira, '/rest/api/3/myself', as(user));
      expect(answer.status).toBe(200);
      const body = answer.json<UserAnswer>();
      expect({
        accountId: body.accountId,
        displayName,
        emailAddress: body.emailAddress,
        timeZone: body.timeZone,
        accountType: body.accountType,
      }).toEqual({
        accountId: user.accountId,
        displayName: body.displayName,
        emailAddress,
        timeZone,
        accountType,
      });
      expect(body.self).toBe(`${SITE}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`);
      expect(body.active).toBe(true);
      expect(answer.headers['x-aaccountid']).toBe(encodeURIComponent(user.accountId));
    });

    it("answers the app's own account for asApp", async () => {
      const body = (await get(jira, '/rest/api/3/myself', APP)).json<UserAnswer>();
      expect(body.accountId).toBe(APP_USER.accountId);
      expect(body.accountType).toBe('app');
      expect(body.displayName).toBe('Issue Mailer for Jira');
      expect(body.emailAddress).toBeUndefined();
    });

    it('lists groups only when expanded', async () => {
      const plain = (await get(jira, '/rest/api/3/myself', as(ALEX_ADMIN))).json<UserAnswer>();
      expect(plain.groups).toEqual({ size: 4, items: [] });
      const expanded = (await get(jira, '/rest/api/3/myself?expand=groups', as(ALEX_ADMIN))).json<UserAnswer>();
      expect(expanded.groups.items.map((group) => group.name)).toEqual([
        'jira-admins',
        'jira-software-users',
        'site-admins',
        'support-agents',
      ]);
    });

    it('gives initials avatars on the site', async () => {
      const body = (await get(jira, '/rest/api/3/myself', as(SAM_AGENT))).json<UserAnswer>();
      expect(body.avatarUrls).toEqual({
        '48x48': `${SITE}/avatar-management/initials/SR-5.png?size=48&s=48`,
        '24x24': `${SITE}/avatar-management/initials/SR-5.png?size=24&s=24`,
        '16x16': `${SITE}/avatar-management/initials/SR-5.png?size=16&s=16`,
        '32x32': `${SITE}/avatar-management/initials/SR-5.png?size=32&s=32`,
      });
    });
  });

  describe('authentication', () => {
    const unknownUser: JiraActor = { type: 'user', accountId: '712020:00000000-0000-4000-8000-000000000000' };

    it.each([
      '/rest/api/3/myself',
      '/rest/api/3/issue/DEMO-1',
      '/rest/api/3/issue/DEMO-1/comment',
      '/rest/api/3/issue/DEMO-1/watchers',
      '/rest/api/3/attachment/content/10100',
      '/rest/api/3/mypermissions?permissions=ADMINISTER',
      '/rest/api/3/search/jql?jql=project%3DDEMO',
      '/rest/api/3/project/DEMO',
      '/rest/api/2/issue/DEMO-1',
    ])('answers 401 to anonymous and unknown callers: %s', async (path) => {
      for (const actor of [ANONYMOUS, unknownUser]) {
        const answer = await get(jira, path, actor);
        expect(answer.status).toBe(401);
        expect(answer.json()).toEqual(NOT_AUTHENTICATED);
        expect(answer.headers['www-authenticate']).toBe(`OAuth realm="${encodeURIComponent(SITE)}"`);
        expect(answer.headers['x-aaccountid']).toBeUndefined();
      }
    });

    it('answers serverInfo anonymously', async () => {
      const answer = await get(jira, '/rest/api/3/serverInfo', ANONYMOUS);
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual(
        expect.objectContaining({ baseUrl: SITE, deploymentType: 'Cloud', serverTime: '2025-03-08T10:00:00.000+0000' }),
      );
    });
  });

  describe('GET /rest/api/3/mypermissions', () => {
    const permissions = async (actor: JiraActor, query: string) =>
      (await get(jira, `/rest/api/3/mypermissions?${query}`, actor)).json<PermissionsAnswer>();
    const have = (body: PermissionsAnswer) =>
      Object.fromEntries(Object.entries(body.permissions).map(([key, value]) => [key, value.havePermission]));

    it.each([
      ['Alex Admin', as(ALEX_ADMIN), { ADMINISTER: true, BROWSE_PROJECTS: true, ADD_COMMENTS: true }],
      ['Sam Rivera (agent)', as(SAM_AGENT), { ADMINISTER: false, BROWSE_PROJECTS: true, ADD_COMMENTS: true }],
      ['Jordan Lee (member)', as(JORDAN_MEMBER), { ADMINISTER: false, BROWSE_PROJECTS: true, ADD_COMMENTS: true }],
      ['Casey Customer', as(CASEY_CUSTOMER), { ADMINISTER: false, BROWSE_PROJECTS: true, ADD_COMMENTS: true }],
      ['the app', APP, { ADMINISTER: false, BROWSE_PROJECTS: true, ADD_COMMENTS: true }],
    ])('%s', async (_who, actor, expected) => {
      expect(have(await permissions(actor, 'permissions=ADMINISTER,BROWSE_PROJECTS,ADD_COMMENTS'))).toEqual(expected);
    });

    it('keys each permission with its definition', async () => {
      expect((await permissions(as(JORDAN_MEMBER), 'permissions=ADMINISTER')).permissions).toEqual({
        ADMINISTER: {
          id: '0',
          key: 'ADMINISTER',
          name: 'Administer Jira',
          type: 'GLOBAL',
          description:
            'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
          havePermission: false,
        },
      });
    });

    it.each([
      ['DEMO-4', true],
      ['DEMO-1', true],
      ['DEMO-6', false],
    ])("scopes a customer's BROWSE_PROJECTS to %s: %s", async (issueKey, expected) => {
      if (!expected) {
        const answer = await get(
          jira,
          `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=${issueKey}`,
          as(CASEY_CUSTOMER),
        );
        expect(answer.status).toBe(404);
        return;
      }
      expect(
        have(await permissions(as(CASEY_CUSTOMER), `permissions=BROWSE_PROJECTS,EDIT_ISSUES&issueKey=${issueKey}`)),
      ).toEqual({
        BROWSE_PROJECTS: true,
        EDIT_ISSUES: false,
      });
    });

    it.each([
      ['permissions missing', '', { errorMessages: ["The 'permissions' query parameter is required."], errors: {} }],
      [
        'permissions empty',
        'permissions=',
        { errorMessages: ["The 'permissions' query parameter is required."], errors: {} },
      ],
      [
        'an unknown key',
        'permissions=BROWSE_PROJECTS,FLY',
        { errorMessages: ['Invalid permission keys: FLY.'], errors: {} },
      ],
    ])('answers 400 for %s', async (_what, query, expected) => {
      const answer = await get(jira, `/rest/api/3/mypermissions?${query}`, as(ALEX_ADMIN));
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual(expected);
    });

    it('answers 404 for an unknown project', async () => {
      const answer = await get(
        jira,
        '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE',
        as(ALEX_ADMIN),
      );
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual({ errorMessages: ["No project could be found with key 'NOPE'."], errors: {} });
    });
  });

  describe('POST /rest/api/3/permissions/check', () => {
    const check = (actor: JiraActor, body: unknown) => send(jira, 'POST', '/rest/api/3/permissions/check', actor, body);

    it('tells a Jira admin which issues a user may browse', async () => {
      const answer = await check(as(ALEX_ADMIN), {
        accountId: CASEY_CUSTOMER.accountId,
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [
          { permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issues: [10001, 10002, 10004], projects: [10000] },
        ],
      });
      expect(answer.json()).toEqual({
        projectPermissions: [
          { permission: 'BROWSE_PROJECTS', issues: [10001, 10004], projects: [10000] },
          { permission: 'EDIT_ISSUES', issues: [], projects: [] },
        ],
        globalPermissions: [],
      });
    });

    it.each([
      ['a non-admin', as(SAM_AGENT)],
      ['the app, whose account is in the default group only', APP],
    ])('refuses %s asking about someone else', async (_who, actor) => {
      const answer = await check(actor, { accountId: ALEX_ADMIN.accountId, globalPermissions: ['ADMINISTER'] });
      expect(answer.status).toBe(403);
      expect(answer.json()).toEqual({
        errorMessages: ['Only Jira administrators can perform this operation.'],
        errors: {},
      });
    });

    it('names unrecognised permissions', async () => {
      const answer = await check(as(ALEX_ADMIN), { globalPermissions: ['BROWSE_PROJECTS'] });
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({ errorMessages: [], errors: { BROWSE_PROJECTS: 'Unrecognized permission' } });
    });
  });

  describe('user look-ups', () => {
    it('gets a user by account id, hiding a private email from others', async () => {
      const casey = (
        await get(jira, `/rest/api/3/user?accountId=${encodeURIComponent(CASEY_CUSTOMER.accountId)}`, as(SAM_AGENT))
      ).json<UserAnswer>();
      expect(casey.displayName).toBe('Casey Customer');
      expect(casey.emailAddress).toBeUndefined();
    });

    it.each([
      ['missing accountId', '/rest/api/3/user', 400],
      ['an unknown account', '/rest/api/3/user?accountId=nobody', 404],
    ])('answers %s with %i', async (_what, path, status) => {
      expect((await get(jira, path, as(ALEX_ADMIN))).status).toBe(status);
    });

    it('lets a customer look up only themselves', async () => {
      const self = await get(
        jira,
        `/rest/api/3/user?accountId=${encodeURIComponent(CASEY_CUSTOMER.accountId)}`,
        as(CASEY_CUSTOMER),
      );
      expect(self.status).toBe(200);
      expect((await get(jira, `/rest/api/3/user?accountId=${ALEX_ADMIN.accountId}`, as(CASEY_CUSTOMER))).status).toBe(
        403,
      );
    });

    it.each([
      ['query=sam', as(ALEX_ADMIN), ['Sam Rivera']],
      ['query=LEE', as(ALEX_ADMIN), ['Jordan Lee']],
      ['query=alex.admin%40', as(SAM_AGENT), ['Alex Admin']],
      ['query=casey.customer', as(SAM_AGENT), []],
      ['query=C', as(ALEX_ADMIN), ['Casey Customer']],
      [`accountId=${encodeURIComponent(SAM_AGENT.accountId)}`, as(JORDAN_MEMBER), ['Sam Rivera']],
      ['query=a', as(ALEX_ADMIN), ['Alex Admin']],
      ['query=a&startAt=1', as(ALEX_ADMIN), []],
      ['query=sam', as(CASEY_CUSTOMER), []],
    ])('searches users: %s', async (query, actor, names) => {
      const users = (await get(jira, `/rest/api/3/user/search?${query}`, actor)).json<UserAnswer[]>();
      expect(users.map((user) => user.displayName)).toEqual(names);
    });

    it('answers 400 to a user search without query or accountId', async () => {
      expect((await get(jira, '/rest/api/3/user/search', as(ALEX_ADMIN))).status).toBe(400);
    });

    it('pages bulk look-ups and skips unknown ids', async () => {
      const ids = [ALEX_ADMIN, SAM_AGENT, JORDAN_MEMBER]
        .map((user) => `accountId=${encodeURIComponent(user.accountId)}`)
        .join('&');
      const first = (await get(jira, `/rest/api/3/user/bulk?${ids}&accountId=ghost&maxResults=2`, APP)).json<{
        total: number;
        isLast: boolean;
        nextPage?: string;
        values: UserAnswer[];
      }>();
      expect(first.total).toBe(3);
      expect(first.isLast).toBe(false);
      expect(first.values.map((user) => user.displayName)).toEqual(['Alex Admin', 'Sam Rivera']);
      expect(first.nextPage).toContain('startAt=2');
      const missing = await get(jira, '/rest/api/3/user/bulk', APP);
      expect(missing.status).toBe(400);
    });
  });
});
