import { inflateSync } from 'node:zlib';

import {
  ALEX_ADMIN,
  CASEY_CUSTOMER,
  createJiraEmulator,
  JiraEmulatorError,
  JORDAN_MEMBER,
  SAM_AGENT,
} from '../../../local/jira';
import { ANONYMOUS, APP, as, get, newJira, send, SITE } from './helpers';

describe('the local Jira site', () => {
  const admin = as(ALEX_ADMIN);

  describe('emulator API', () => {
    const jira = newJira();

    it('lists the seeded people, the admin first', () => {
      expect(jira.users()).toEqual([
        {
          accountId: '5d8f6a2c1b9e4f0c7a3b2e10',
          displayName: 'Alex Admin',
          emailAddress: 'alex.admin@example.com',
          isAdmin: true,
          avatarColor: '#0052CC',
        },
        {
          accountId: '712020:8c2e4f6a-1b3d-4e5f-9a7b-0c1d2e3f4a5b',
          displayName: 'Sam Rivera',
          emailAddress: 'sam.rivera@example.com',
          isAdmin: false,
          avatarColor: '#00875A',
        },
        {
          accountId: '712020:3f9b1c7d-5e2a-4b8c-a6d4-7e0f1a2b3c4d',
          displayName: 'Jordan Lee',
          emailAddress: 'jordan.lee@example.com',
          isAdmin: false,
          avatarColor: '#6554C0',
        },
        {
          accountId: '712020:e4a1b2c3-d4e5-4f60-8a71-92b3c4d5e6f7',
          displayName: 'Casey Customer',
          emailAddress: 'casey.customer@customer.example',
          isAdmin: false,
          avatarColor: '#FF5630',
        },
      ]);
      expect(jira.user(SAM_AGENT.accountId)?.displayName).toBe('Sam Rivera');
      expect(jira.user('nobody')).toBeUndefined();
    });

    it('lists issue keys in order and keeps a fixed cloud id', () => {
      expect(jira.issueKeys()).toEqual([
        'DEMO-1',
        'DEMO-2',
        'DEMO-3',
        'DEMO-4',
        'DEMO-5',
        'DEMO-6',
        'OPS-1',
        'OPS-2',
        'SEC-1',
      ]);
      expect(jira.cloudId).toBe('7f3c2a1e-9b4d-4e6f-8a2c-5d1e0b9c3f47');
      expect(newJira().cloudId).toBe(jira.cloudId);
    });

    it('drops a trailing slash from the site URL', async () => {
      const slashed = createJiraEmulator({ siteUrl: `${SITE}/` });
      expect(slashed.siteUrl).toBe(SITE);
      expect((await get(slashed, '/rest/api/3/issue/DEMO-1?fields=summary', admin)).json<{ self: string }>().self).toBe(
        `${SITE}/rest/api/3/issue/10001`,
      );
    });

    it.each(['not a url', 'ftp://jira.example.com'])('refuses the site URL %j', (siteUrl) => {
      expect(() => createJiraEmulator({ siteUrl })).toThrow(JiraEmulatorError);
      try {
        createJiraEmulator({ siteUrl });
      } catch (error) {
        expect((error as JiraEmulatorError).code).toBe('JIRA_EMULATOR_OPTIONS_INVALID');
      }
    });
  });

  describe('HTTP behaviour', () => {
    const jira = newJira();

    it("answers with Jira's headers and a fresh request id each time", async () => {
      const first = await get(jira, '/rest/api/3/serverInfo', admin);
      const second = await get(jira, '/rest/api/3/serverInfo', admin);
      expect(first.headers).toEqual({
        'content-type': 'application/json;charset=UTF-8',
        'x-arequestid': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
        'x-aaccountid': ALEX_ADMIN.accountId,
        'cache-control': 'no-cache, no-store, no-transform',
        'x-content-type-options': 'nosniff',
        'timing-allow-origin': '*',
      });
      expect(first.headers['x-arequestid']).not.toBe(second.headers['x-arequestid']);
    });

    it.each([
      ['DELETE', '/rest/api/3/issue/DEMO-1', 'GET,PUT'],
      ['POST', '/rest/api/3/myself', 'GET'],
      ['PUT', '/rest/api/3/issue/DEMO-1/comment', 'GET,POST'],
      ['PATCH', '/rest/api/3/issue/DEMO-1/properties/support.sla', 'GET,PUT,DELETE'],
    ])('answers %s %s with 405', async (method, path, allow) => {
      const answer = await send(jira, method, path, admin, {});
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe(allow);
      expect(answer.bytes.length).toBe(0);
    });

    it('answers 404 for paths it does not know', async () => {
      const answer = await get(jira, '/rest/api/3/nothing/here', admin);
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual({ errorMessages: [`null for uri: ${SITE}/rest/api/3/nothing/here`], errors: {} });
    });

    it('answers HEAD like GET without a body', async () => {
      const answer = await jira.handle({ method: 'HEAD', path: '/rest/api/3/issue/DEMO-1', headers: {} }, admin);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('');
    });

    it('serves REST v2 and latest with v2 links', async () => {
      const latest = (await get(jira, '/rest/api/latest/issue/DEMO-1?fields=summary', admin)).json<{ self: string }>();
      expect(latest.self).toBe(`${SITE}/rest/api/2/issue/10001`);
    });

    it('turns a handler failure into a 500 without details, and reports it', async () => {
      const failures: unknown[] = [];
      const broken = createJiraEmulator({
        siteUrl: SITE,
        now: () => new Date(Number.NaN),
        onInternalError: (error) => failures.push(error),
      });
      const answer = await get(broken, '/rest/api/3/serverInfo', admin);
      expect(answer.status).toBe(500);
      expect(answer.json()).toEqual({ errorMessages: ['Internal server error'], errors: {} });
      expect(failures).toHaveLength(1);
    });
  });

  describe('GET /rest/api/3/project/{key}', () => {
    const jira = newJira();

    it('answers the project with its components and issue types', async () => {
      const body = (await get(jira, '/rest/api/3/project/DEMO', admin)).json<{
        id: string;
        key: string;
        name: string;
        lead: { accountId: string };
        components: { name: string }[];
        issueTypes: { name: string }[];
        projectTypeKey: string;
      }>();
      expect([body.id, body.key, body.name, body.projectTypeKey]).toEqual([
        '10000',
        'DEMO',
        'Demo IT Support',
        'software',
      ]);
      expect(body.lead.accountId).toBe(ALEX_ADMIN.accountId);
      expect(body.components.map((component) => component.name)).toEqual([
        'Email',
        'VPN',
        'Laptops & Hardware',
        'Identity & Access',
        'Printing',
      ]);
      expect(body.issueTypes.map((type) => type.name)).toEqual(['Bug', 'Task', 'Story']);
      expect((await get(jira, '/rest/api/3/project/10000', admin)).status).toBe(200);
    });

    it.each(['NOPE', 'demo'])('answers 404 for %s (keys are case-sensitive)', async (key) => {
      const answer = await get(jira, `/rest/api/3/project/${key}`, admin);
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual({ errorMessages: [`No project could be found with key '${key}'.`], errors: {} });
    });
  });

  describe('GET /rest/api/3/issue/{key}/watchers', () => {
    const jira = newJira();
    const watchers = async (actor = admin) =>
      (await get(jira, '/rest/api/3/issue/DEMO-1/watchers', actor)).json<{
        self: string;
        isWatching: boolean;
        watchCount: number;
        watchers: { displayName: string }[];
      }>();

    it('lists everyone watching for people allowed to see them', async () => {
      const body = await watchers();
      expect(body.self).toBe(`${SITE}/rest/api/3/issue/DEMO-1/watchers`);
      expect([body.isWatching, body.watchCount]).toEqual([true, 3]);
      expect(body.watchers.map((user) => user.displayName)).toEqual(['Casey Customer', 'Sam Rivera', 'Alex Admin']);
      expect((await watchers(as(JORDAN_MEMBER))).isWatching).toBe(false);
    });

    it('shows a customer only themselves', async () => {
      const body = await watchers(as(CASEY_CUSTOMER));
      expect([body.isWatching, body.watchCount]).toEqual([true, 3]);
      expect(body.watchers.map((user) => user.displayName)).toEqual(['Casey Customer']);
    });
  });

  describe('issue properties', () => {
    it('stores, reads, lists and deletes a property', async () => {
      const jira = newJira();
      const path = '/rest/api/3/issue/DEMO-2/properties/issue-mailer.last-sent';
      expect(
        (await send(jira, 'PUT', path, as(SAM_AGENT), { sentAt: '2025-03-08T10:00:00Z', recipients: 2 })).status,
      ).toBe(201);
      expect((await send(jira, 'PUT', path, APP, { sentAt: '2025-03-08T11:00:00Z', recipients: 3 })).status).toBe(200);
      expect((await get(jira, path, as(JORDAN_MEMBER))).json()).toEqual({
        key: 'issue-mailer.last-sent',
        value: { sentAt: '2025-03-08T11:00:00Z', recipients: 3 },
      });
      expect((await get(jira, '/rest/api/3/issue/DEMO-2/properties', admin)).json()).toEqual({
        keys: [
          { self: `${SITE}/rest/api/3/issue/10002/properties/issue-mailer.last-sent`, key: 'issue-mailer.last-sent' },
        ],
      });
      expect((await jira.handle({ method: 'DELETE', path, headers: {} }, admin)).status).toBe(204);
      const gone = await get(jira, path, admin);
      expect(gone.status).toBe(404);
      expect(gone.json()).toEqual({
        errorMessages: ["The property with key 'issue-mailer.last-sent' does not exist."],
        errors: {},
      });
    });

    it('refuses a member who may not edit the issue', async () => {
      const answer = await send(newJira(), 'PUT', '/rest/api/3/issue/DEMO-2/properties/x', as(JORDAN_MEMBER), { a: 1 });
      expect(answer.status).toBe(403);
    });
  });

  describe('icons and avatars', () => {
    const jira = newJira();

    it.each([
      ['/rest/api/3/universal_avatar/view/type/issuetype/avatar/10303?size=medium', 'image/svg+xml;charset=UTF-8'],
      ['/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=large', 'image/svg+xml;charset=UTF-8'],
      ['/images/icons/priorities/high.svg', 'image/svg+xml;charset=UTF-8'],
      ['/images/icons/statuses/inprogress.png', 'image/png'],
      ['/avatar-management/initials/SR-5.png?size=24&s=24', 'image/png'],
    ])('serves %s anonymously', async (path, contentType) => {
      const answer = await get(jira, path, ANONYMOUS);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe(contentType);
      if (contentType === 'image/svg+xml;charset=UTF-8')
        expect(answer.bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      else expect(answer.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    });

    it('sizes user avatars as asked', async () => {
      const png = (await get(jira, '/avatar-management/initials/AA-3.png?size=24&s=24', ANONYMOUS)).bytes;
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([24, 24]);
      const idat = png.subarray(41, 41 + png.readUInt32BE(33));
      expect(inflateSync(idat).length).toBe(24 * (24 * 3 + 1));
    });

    it.each(['/images/icons/priorities/urgent.svg', '/rest/api/3/universal_avatar/view/type/issuetype/avatar/1'])(
      'answers 404 for %s',
      async (path) => {
        expect((await get(jira, path, ANONYMOUS)).status).toBe(404);
      },
    );
  });
});
