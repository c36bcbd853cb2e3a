import type { RequestInit, Route } from '@forge/api';

import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraActor, JiraEmulator } from '../../../local/jira/types';
import { downloadAttachment } from '../../../src/jira/attachment-content';
import { readMyGroups, searchGroups } from '../../../src/jira/groups';
import { listIssueAttachments } from '../../../src/jira/issue-attachments';
import { addEmailComment } from '../../../src/jira/issue-comment-writer';
import { readIssueComments } from '../../../src/jira/issue-comments';
import { readIssuePeople } from '../../../src/jira/issue-people';
import type { JiraResponse, RequestJira } from '../../../src/jira/jira-client';
import { listRoles, rolesOfUserInProject } from '../../../src/jira/project-roles';
import { listProjects } from '../../../src/jira/projects';
import { readUserEmails } from '../../../src/jira/user-emails';
import { searchJiraUsers } from '../../../src/jira/user-search';
import { checkSendPermission } from '../../../src/settings/send-permission';
import { APP, as, newJira } from './helpers';

/** requestJira into the local site, as Forge's asUser()/asApp() would reach Jira Cloud. */
const requestJiraOf =
  (jira: JiraEmulator, actor: JiraActor): RequestJira =>
  async (route: Route, init?: RequestInit): Promise<JiraResponse> => {
    const headers = Object.fromEntries(
      Object.entries(init?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const body = typeof init?.body === 'string' ? Buffer.from(init.body, 'utf8') : undefined;
    const answer = await jira.handle(
      { method: init?.method ?? 'GET', path: route.value, headers, ...(body ? { body } : {}) },
      actor,
    );
    const bytes = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body, 'utf8');
    // A WHATWG Response, as Forge's requestJira answers.
    const noBody = [204, 205, 304].includes(answer.status);
    return new Response(noBody ? null : new Uint8Array(bytes), { status: answer.status, headers: answer.headers });
  };

const SUPPORT_AGENTS = { id: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e04', name: 'support-agents' };
const SERVICE_DESK_TEAM = { id: 10003, name: 'Service Desk Team' };
const USERS = { id: 10001, name: 'Users' };

describe("the backend's Jira readers against the local Jira", () => {
  const jira = newJira();
  const asUser = (user: typeof SAM_AGENT) => requestJiraOf(jira, as(user));
  const asApp = requestJiraOf(jira, APP);

  it("reads DEMO-1's people: Casey's address stays hidden", async () => {
    await expect(readIssuePeople('DEMO-1', asUser(SAM_AGENT))).resolves.toEqual([
      { name: 'Casey Customer', address: null, accountId: CASEY_CUSTOMER.accountId, source: 'reporter' },
      { name: 'Sam Rivera', address: 'sam.rivera@example.com', accountId: SAM_AGENT.accountId, source: 'assignee' },
      { name: 'Alex Admin', address: 'alex.admin@example.com', accountId: ALEX_ADMIN.accountId, source: 'watcher' },
    ]);
  });

  it("reads Casey's hidden address through the Email API as the app only", async () => {
    await expect(readUserEmails([CASEY_CUSTOMER.accountId, SAM_AGENT.accountId], asApp)).resolves.toEqual(
      new Map([
        [CASEY_CUSTOMER.accountId, 'casey.customer@customer.example'],
        [SAM_AGENT.accountId, 'sam.rivera@example.com'],
      ]),
    );
    await expect(readUserEmails([CASEY_CUSTOMER.accountId], asUser(ALEX_ADMIN))).rejects.toMatchObject({
      code: 'JIRA_FORBIDDEN',
      status: 401,
    });
  });

  it('reads the newest comments with their HTML, and the total', async () => {
    const read = await readIssueComments('DEMO-1', 2, asUser(SAM_AGENT));
    expect(read.total).toBe(3);
    expect(read.comments.map((comment) => [comment.id, comment.author])).toEqual([
      ['10202', 'Sam Rivera'],
      ['10201', 'Casey Customer'],
    ]);
    expect(read.comments[1]?.bodyHtml).toBe('<p>Did that, still &quot;Disconnected&quot;. Screenshot attached.</p>');
    expect(read.comments[0]?.created).toBe('2025-03-04T10:20:05.000-0500');
  });

  it("lists DEMO-2's attachments and downloads the spreadsheet over 3 MB byte for byte", async () => {
    const attachments = await listIssueAttachments('DEMO-2', asUser(SAM_AGENT));
    expect(attachments).toEqual([
      { id: '10102', filename: 'onboarding-checklist.csv', size: 712, mimeType: 'text/csv' },
      {
        id: '10106',
        filename: 'laptop-fleet-inventory.xlsx',
        size: 3_598_215,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    ]);
    const bytes = await downloadAttachment('10106', 3_598_215, asUser(SAM_AGENT));
    expect(bytes.byteLength).toBe(3_598_215);
    await expect(downloadAttachment('10103', 3_401_005, asUser(CASEY_CUSTOMER))).rejects.toMatchObject({
      code: 'JIRA_FORBIDDEN',
      status: 403,
    });
  });

  it('finds Jira users with a visible address only', async () => {
    await expect(searchJiraUsers('c', asUser(SAM_AGENT))).resolves.toEqual([]);
    await expect(searchJiraUsers('jordan', asUser(SAM_AGENT))).resolves.toEqual([
      { name: 'Jordan Lee', address: 'jordan.lee@example.com', source: 'jira' },
    ]);
  });

  it('reads groups, roles and projects for the admin page', async () => {
    await expect(readMyGroups(asUser(SAM_AGENT))).resolves.toEqual([
      { name: 'jira-software-users', groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e02' },
      { name: 'security-team', groupId: '4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e06' },
      { name: 'support-agents', groupId: SUPPORT_AGENTS.id },
    ]);
    await expect(searchGroups('support', asUser(ALEX_ADMIN))).resolves.toEqual([SUPPORT_AGENTS]);
    await expect(listRoles(asUser(ALEX_ADMIN))).resolves.toEqual([
      { id: 10002, name: 'Administrators' },
      { id: 10004, name: 'atlassian-addons-project-access' },
      { id: 10000, name: 'Developers' },
      SERVICE_DESK_TEAM,
      USERS,
    ]);
    await expect(listRoles(asUser(SAM_AGENT))).rejects.toMatchObject({ code: 'JIRA_FORBIDDEN', status: 403 });
    await expect(listProjects(asUser(ALEX_ADMIN))).resolves.toEqual([
      { key: 'DEMO', name: 'Demo IT Support' },
      { key: 'OPS', name: 'IT Operations' },
    ]);
  });

  it('reads role actors as the app, which Jira refuses the users themselves', async () => {
    await expect(rolesOfUserInProject('DEMO', SAM_AGENT.accountId, [], undefined, asApp)).resolves.toEqual([10003]);
    await expect(
      rolesOfUserInProject('DEMO', JORDAN_MEMBER.accountId, ['4a1c6e1d-2b7f-4e0a-9c35-8d2f1b6a0e02'], undefined, asApp),
    ).resolves.toEqual([10000, 10001]);
    await expect(rolesOfUserInProject('DEMO', SAM_AGENT.accountId, [], [10003], asUser(SAM_AGENT))).resolves.toEqual(
      [],
    );
  });

  it.each([
    [
      'Sam, a member of support-agents',
      SAM_AGENT,
      { mode: 'restricted', groups: [SUPPORT_AGENTS], projectRoles: [] },
      true,
    ],
    [
      'Sam, in the Service Desk Team role',
      SAM_AGENT,
      { mode: 'restricted', groups: [], projectRoles: [SERVICE_DESK_TEAM] },
      true,
    ],
    [
      'Jordan, in the Users role through jira-software-users',
      JORDAN_MEMBER,
      { mode: 'restricted', groups: [], projectRoles: [USERS] },
      true,
    ],
    [
      'Jordan, in neither',
      JORDAN_MEMBER,
      { mode: 'restricted', groups: [SUPPORT_AGENTS], projectRoles: [SERVICE_DESK_TEAM] },
      false,
    ],
    [
      'Casey, in no group',
      CASEY_CUSTOMER,
      { mode: 'restricted', groups: [SUPPORT_AGENTS], projectRoles: [USERS] },
      false,
    ],
  ] as const)('decides the send permission of %s', async (_who, user, whoMaySend, allowed) => {
    const permission = await checkSendPermission(
      {
        whoMaySend: { ...whoMaySend, groups: [...whoMaySend.groups], projectRoles: [...whoMaySend.projectRoles] },
        projectKey: 'DEMO',
        accountId: user.accountId,
      },
      {
        myGroups: () => readMyGroups(asUser(user)),
        rolesOfUserInProject: (projectKey, accountId, groupIds, roleIds) =>
          rolesOfUserInProject(projectKey, accountId, groupIds, roleIds, asApp),
      },
    );
    expect(permission.allowed).toBe(allowed);
  });

  it('comments as the app, mentioning the sender', async () => {
    const id = await addEmailComment(
      'DEMO-3',
      { senderAccountId: JORDAN_MEMBER.accountId, to: ['a@x.com'], cc: ['b@y.com'], subject: 'VPN drops' },
      asApp,
    );
    const newest = await readIssueComments('DEMO-3', 1, asUser(SAM_AGENT));
    expect(newest.comments[0]).toMatchObject({ id, author: 'Issue Mailer for Jira' });
    expect(newest.comments[0]?.bodyHtml).toMatch(
      /^<p>Emailed to a@x\.com, b@y\.com by <a [^>]*data-account-id="712020:3f9b1c7d-5e2a-4b8c-a6d4-7e0f1a2b3c4d"[^>]*>Jordan Lee<\/a>: VPN drops<\/p>$/,
    );
  });
});
