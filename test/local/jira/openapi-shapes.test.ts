import { ALEX_ADMIN, CASEY_CUSTOMER, SAM_AGENT } from '../../../local/jira';
import { ANONYMOUS, as, get, newJira, send } from './helpers';
import { schemaErrors } from './openapi';

/** Every answer below must conform to the schema Atlassian's OpenAPI description gives for it. */
describe('answers conform to the Jira OpenAPI schemas', () => {
  const jira = newJira();
  const admin = as(ALEX_ADMIN);

  it.each([
    ['IssueBean', '/rest/api/3/issue/DEMO-1'],
    ['IssueBean', '/rest/api/3/issue/DEMO-2?expand=renderedFields,names,schema&properties=*all'],
    ['IssueBean', '/rest/api/3/issue/DEMO-5?fields=*navigable,-comment'],
    ['IssueBean', '/rest/api/2/issue/DEMO-3?expand=renderedFields'],
    ['PageOfComments', '/rest/api/3/issue/DEMO-3/comment?expand=renderedBody'],
    ['Comment', '/rest/api/3/issue/DEMO-1/comment/10200'],
    ['Watchers', '/rest/api/3/issue/DEMO-1/watchers'],
    ['AttachmentMetadata', '/rest/api/3/attachment/10103'],
    ['AttachmentSettings', '/rest/api/3/attachment/meta'],
    ['User', '/rest/api/3/myself'],
    ['User', '/rest/api/3/myself?expand=groups,applicationRoles'],
    ['User', `/rest/api/3/user?accountId=${encodeURIComponent(SAM_AGENT.accountId)}`],
    [
      'PageBeanUser',
      `/rest/api/3/user/bulk?accountId=${ALEX_ADMIN.accountId}&accountId=${encodeURIComponent(CASEY_CUSTOMER.accountId)}`,
    ],
    ['Permissions', '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS,ADD_COMMENTS'],
    ['Project', '/rest/api/3/project/DEMO'],
    ['PropertyKeys', '/rest/api/3/issue/DEMO-1/properties'],
    ['EntityProperty', '/rest/api/3/issue/DEMO-1/properties/support.sla'],
  ])('%s: GET %s', async (schema, path) => {
    const answer = await get(jira, path, admin);
    expect(answer.status).toBe(200);
    expect(schemaErrors(schema, answer.json())).toEqual([]);
  });

  it('ServerInformation for an anonymous caller', async () => {
    const answer = await get(jira, '/rest/api/3/serverInfo', ANONYMOUS);
    expect(schemaErrors('ServerInformation', answer.json())).toEqual([]);
  });

  it('each user of a user search is a User', async () => {
    const users = (await get(jira, '/rest/api/3/user/search?query=a', admin)).json<unknown[]>();
    expect(users.length).toBeGreaterThan(0);
    users.forEach((user) => expect(schemaErrors('User', user)).toEqual([]));
  });

  it('the parts of an issue conform to their own schemas', async () => {
    const fields = (await get(jira, '/rest/api/3/issue/DEMO-1', admin)).json<{
      fields: Record<string, unknown[] & Record<string, unknown>>;
    }>().fields;
    expect(schemaErrors('UserDetails', fields.reporter)).toEqual([]);
    expect(schemaErrors('UserDetails', fields.assignee)).toEqual([]);
    expect(schemaErrors('StatusDetails', fields.status)).toEqual([]);
    expect(schemaErrors('Priority', fields.priority)).toEqual([]);
    expect(schemaErrors('IssueTypeDetails', fields.issuetype)).toEqual([]);
    expect(schemaErrors('PageOfComments', fields.comment)).toEqual([]);
    (fields.attachment as unknown[]).forEach((attachment) =>
      expect(schemaErrors('Attachment', attachment)).toEqual([]),
    );
    (fields.components as unknown[]).forEach((component) =>
      expect(schemaErrors('ProjectComponent', component)).toEqual([]),
    );
  });

  it('a comment added through POST is a Comment', async () => {
    const answer = await send(jira, 'POST', '/rest/api/3/issue/DEMO-2/comment?expand=renderedBody', as(SAM_AGENT), {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dock delivered.' }] }],
      },
    });
    expect(answer.status).toBe(201);
    expect(schemaErrors('Comment', answer.json())).toEqual([]);
  });

  it('a bulk permission check answers BulkPermissionGrants', async () => {
    const answer = await send(jira, 'POST', '/rest/api/3/permissions/check', as(ALEX_ADMIN), {
      accountId: CASEY_CUSTOMER.accountId,
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [10001, 10002], projects: [10000] }],
    });
    expect(answer.status).toBe(200);
    expect(schemaErrors('BulkPermissionGrants', answer.json())).toEqual([]);
  });

  it.each([
    ['404', '/rest/api/3/issue/DEMO-99', admin],
    ['401', '/rest/api/3/myself', ANONYMOUS],
    ['400', '/rest/api/3/mypermissions', admin],
    ['410', '/rest/api/3/search?jql=project%3DDEMO', admin],
  ] as const)('a %s answer is an ErrorCollection', async (status, path, actor) => {
    const answer = await get(jira, path, actor);
    expect(String(answer.status)).toBe(status);
    expect(schemaErrors('ErrorCollection', answer.json())).toEqual([]);
  });

  it('the validator does reject answers that break a schema', () => {
    expect(schemaErrors('User', { accountId: 'x', surprise: true })).toHaveLength(1);
    expect(schemaErrors('Comment', { created: '2025-03-03T08:12:41Z' })).toHaveLength(1);
  });
});
