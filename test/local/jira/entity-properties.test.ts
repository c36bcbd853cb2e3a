import { ALEX_ADMIN, createJiraEmulator } from '../../../local/jira';
import { APP, as, get, newJira, NOW, send, SITE } from './helpers';
import { schemaErrors } from './openapi';

const MARK = { key: 'issue-mailer-incoming', value: { messageKey: 'a1b2' } };

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const newIssue = (properties: unknown) => ({
  fields: { project: { key: 'DEMO' }, issuetype: { id: '10001' }, summary: 'From mail' },
  properties,
});

describe('entity properties given with the create calls', () => {
  it('keeps the properties of POST /issue as issue properties', async () => {
    const jira = newJira();
    const created = await send(jira, 'POST', '/rest/api/3/issue', APP, newIssue([MARK]));
    expect(created.status).toBe(201);
    const { key } = created.json<{ key: string }>();
    const read = await get(jira, `/rest/api/3/issue/${key}/properties/issue-mailer-incoming`, APP);
    expect(read.json()).toEqual(MARK);
    const keys = await get(jira, `/rest/api/3/issue/${key}/properties`, APP);
    expect(keys.json<{ keys: { key: string }[] }>().keys.map((entry) => entry.key)).toEqual([MARK.key]);
  });

  it.each([
    ['not a list', { key: 'x' }],
    ['a key missing', [{ value: 1 }]],
    ['a value missing', [{ key: 'x' }]],
    ['a value over 32768 characters', [{ key: 'x', value: 'v'.repeat(32_768) }]],
  ])('refuses properties with %s, creating nothing', async (_case, properties) => {
    const jira = newJira();
    const before = jira.issueKeys().length;
    expect((await send(jira, 'POST', '/rest/api/3/issue', APP, newIssue(properties))).status).toBe(400);
    expect(jira.issueKeys()).toHaveLength(before);
  });

  it('keeps the properties of POST /comment and lists them with expand=properties, as Comment.properties', async () => {
    const jira = newJira();
    const added = await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', APP, {
      body: adf('Reply'),
      properties: [MARK],
    });
    expect(added.status).toBe(201);
    const { id } = added.json<{ id: string }>();
    const page = await get(jira, '/rest/api/3/issue/DEMO-1/comment?orderBy=-created&expand=properties', APP);
    const comments = page.json<{ comments: { id: string; properties?: unknown }[] }>().comments;
    expect(comments[0]).toMatchObject({ id, properties: [MARK] });
    // Every comment carries the list when expanded, an empty one when it has none.
    expect(comments.slice(1).every((comment) => Array.isArray(comment.properties))).toBe(true);
    // Not expanded: no properties.
    const plain = await get(jira, `/rest/api/3/issue/DEMO-1/comment/${id}`, APP);
    expect(plain.json()).not.toHaveProperty('properties');
    const one = await get(jira, `/rest/api/3/issue/DEMO-1/comment/${id}?expand=properties`, APP);
    expect(one.json()).toMatchObject({ properties: [MARK] });
  });

  it('answers GET /comment/{id}/properties and /properties/{key}', async () => {
    const jira = newJira();
    const added = await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN), {
      body: adf('Reply'),
      properties: [MARK],
    });
    const { id } = added.json<{ id: string }>();
    expect((await get(jira, `/rest/api/3/comment/${id}/properties/issue-mailer-incoming`, APP)).json()).toEqual(MARK);
    expect((await get(jira, `/rest/api/3/comment/${id}/properties`, APP)).json()).toEqual({
      keys: [{ self: `${SITE}/rest/api/3/comment/${id}/properties/issue-mailer-incoming`, key: MARK.key }],
    });
    expect((await get(jira, `/rest/api/3/comment/${id}/properties/other`, APP)).status).toBe(404);
    expect((await get(jira, '/rest/api/3/comment/99999/properties', APP)).status).toBe(404);
  });
});

describe('JQL on indexed issue properties', () => {
  const indexed = () =>
    createJiraEmulator({
      siteUrl: SITE,
      now: () => NOW,
      indexedEntityProperties: [
        {
          propertyKey: 'issue-mailer-incoming',
          values: [
            { path: 'messageKey', type: 'string', searchAlias: 'incomingMessageKey' },
            { path: 'size', type: 'number' },
          ],
        },
      ],
    });

  const keysFound = async (jira: ReturnType<typeof newJira>, jql: string) => {
    const answer = await send(jira, 'POST', '/rest/api/3/search/jql', APP, { jql, fields: ['key'] });
    expect(answer.status).toBe(200);
    return answer.json<{ issues: { key: string }[] }>().issues.map((issue) => issue.key);
  };

  it('finds an issue by an indexed string value, exactly, and by its searchAlias', async () => {
    const jira = indexed();
    const { key } = (await send(jira, 'POST', '/rest/api/3/issue', APP, newIssue([MARK]))).json<{ key: string }>();
    await send(jira, 'POST', '/rest/api/3/issue', APP, newIssue([{ key: MARK.key, value: { messageKey: 'other' } }]));
    const property = 'issue.property[issue-mailer-incoming].messageKey';
    expect(await keysFound(jira, `project = DEMO AND ${property} = "a1b2"`)).toEqual([key]);
    expect(await keysFound(jira, `${property} = "A1B2"`)).toEqual([]);
    expect(await keysFound(jira, `${property} = "a1"`)).toEqual([]);
    expect(await keysFound(jira, 'incomingMessageKey = a1b2')).toEqual([key]);
    expect(await keysFound(jira, `project = OPS AND ${property} = "a1b2"`)).toEqual([]);
  });

  it('compares number values as numbers', async () => {
    const jira = indexed();
    const { key } = (
      await send(jira, 'POST', '/rest/api/3/issue', APP, newIssue([{ key: MARK.key, value: { size: 12 } }]))
    ).json<{ key: string }>();
    expect(await keysFound(jira, 'issue.property[issue-mailer-incoming].size = 12.0')).toEqual([key]);
  });

  it('matches nothing on a value no module indexes', async () => {
    const jira = newJira();
    await send(jira, 'POST', '/rest/api/3/issue', APP, newIssue([MARK]));
    expect(await keysFound(jira, 'issue.property[issue-mailer-incoming].messageKey = "a1b2"')).toEqual([]);
  });
});

describe('the new answers conform to the Jira OpenAPI schemas', () => {
  it('comments with their properties, comment properties, and uploaded attachments', async () => {
    const jira = newJira();
    const { id } = (
      await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', APP, { body: adf('Reply'), properties: [MARK] })
    ).json<{ id: string }>();
    const page = await get(jira, '/rest/api/3/issue/DEMO-1/comment?expand=properties', APP);
    expect(schemaErrors('PageOfComments', page.json())).toEqual([]);
    expect(schemaErrors('PropertyKeys', (await get(jira, `/rest/api/3/comment/${id}/properties`, APP)).json())).toEqual(
      [],
    );
    const property = await get(jira, `/rest/api/3/comment/${id}/properties/${MARK.key}`, APP);
    expect(schemaErrors('EntityProperty', property.json())).toEqual([]);
    const form = new FormData();
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
    const carrier = new Response(form);
    const upload = await jira.handle(
      {
        method: 'POST',
        path: '/rest/api/3/issue/DEMO-1/attachments',
        headers: { 'content-type': carrier.headers.get('content-type') ?? '', 'x-atlassian-token': 'no-check' },
        body: Buffer.from(await carrier.arrayBuffer()),
      },
      APP,
    );
    expect(upload.status).toBe(200);
    const attachments = JSON.parse(upload.body.toString()) as unknown[];
    expect(attachments).toHaveLength(1);
    attachments.forEach((attachment) => expect(schemaErrors('Attachment', attachment)).toEqual([]));
  });
});
