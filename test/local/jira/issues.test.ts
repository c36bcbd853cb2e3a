import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import { APP, as, get, newJira, SITE } from './helpers';

interface IssueAnswer {
  expand: string;
  id: string;
  self: string;
  key: string;
  fields: Record<string, unknown>;
  renderedFields?: Record<string, unknown>;
  names?: Record<string, string>;
  schema?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

const ALL_FIELDS = [
  'statuscategorychangedate',
  'issuetype',
  'timespent',
  'project',
  'fixVersions',
  'aggregatetimespent',
  'resolution',
  'resolutiondate',
  'workratio',
  'watches',
  'lastViewed',
  'created',
  'priority',
  'labels',
  'timeestimate',
  'aggregatetimeoriginalestimate',
  'versions',
  'issuelinks',
  'assignee',
  'updated',
  'status',
  'components',
  'timeoriginalestimate',
  'description',
  'timetracking',
  'security',
  'attachment',
  'aggregatetimeestimate',
  'summary',
  'creator',
  'subtasks',
  'reporter',
  'aggregateprogress',
  'environment',
  'duedate',
  'progress',
  'votes',
  'comment',
  'worklog',
];
const NAVIGABLE = ALL_FIELDS.filter((id) => !['timetracking', 'comment', 'worklog'].includes(id));

describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
  const jira = newJira();
  const admin = as(ALEX_ADMIN);
  const issue = async (path: string, actor = admin) => (await get(jira, path, actor)).json<IssueAnswer>();

  it('answers DEMO-1 with every field, linked to the site', async () => {
    const answer = await get(jira, '/rest/api/3/issue/DEMO-1', admin);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
    const body = answer.json<IssueAnswer>();
    expect(body.id).toBe('10001');
    expect(body.key).toBe('DEMO-1');
    expect(body.self).toBe(`${SITE}/rest/api/3/issue/10001`);
    expect(body.expand).toBe('renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations');
    expect(Object.keys(body.fields)).toEqual(ALL_FIELDS);
    expect(body.fields.summary).toBe('Outlook stops syncing the shared helpdesk mailbox after a password reset');
    expect(body.fields.issuetype).toEqual({
      self: `${SITE}/rest/api/3/issuetype/10004`,
      id: '10004',
      description: 'A problem or error.',
      iconUrl: `${SITE}/rest/api/3/universal_avatar/view/type/issuetype/avatar/10303?size=medium`,
      name: 'Bug',
      subtask: false,
      avatarId: 10303,
      hierarchyLevel: 0,
    });
    expect(body.fields.status).toEqual({
      self: `${SITE}/rest/api/3/status/3`,
      description: 'This issue is being actively worked on at the moment by the assignee.',
      iconUrl: `${SITE}/images/icons/statuses/inprogress.png`,
      name: 'In Progress',
      id: '3',
      statusCategory: {
        self: `${SITE}/rest/api/3/statuscategory/4`,
        id: 4,
        key: 'indeterminate',
        colorName: 'yellow',
        name: 'In Progress',
      },
    });
    expect(body.fields.priority).toEqual({
      self: `${SITE}/rest/api/3/priority/2`,
      iconUrl: `${SITE}/images/icons/priorities/high.svg`,
      name: 'High',
      id: '2',
    });
    expect(body.fields.labels).toEqual(['email', 'outlook', 'shared-mailbox']);
    expect(body.fields.components).toEqual([
      {
        self: `${SITE}/rest/api/3/component/10000`,
        id: '10000',
        name: 'Email',
        description: 'Exchange Online, Outlook and shared mailboxes.',
      },
    ]);
    expect(body.fields.created).toBe('2025-03-03T08:12:41.000+0000');
    expect(body.fields.duedate).toBe('2025-03-07');
    expect(body.fields.watches).toEqual({
      self: `${SITE}/rest/api/3/issue/DEMO-1/watchers`,
      watchCount: 3,
      isWatching: true,
    });
    expect((body.fields.reporter as Record<string, unknown>).accountId).toBe(CASEY_CUSTOMER.accountId);
    expect((body.fields.assignee as Record<string, unknown>).displayName).toBe('Sam Rivera');
    expect((body.fields.description as { type: string; content: unknown[] }).type).toBe('doc');
    expect((body.fields.comment as { total: number }).total).toBe(3);
    expect((body.fields.attachment as unknown[]).length).toBe(2);
  });

  it.each([
    ['summary,comment', ['summary', 'comment']],
    ['comment,summary', ['summary', 'comment']],
    ['summary&fields=status', ['status', 'summary']],
    ['*navigable', NAVIGABLE],
    ['-description', ALL_FIELDS.filter((id) => id !== 'description')],
    ['*navigable,-comment,-summary', NAVIGABLE.filter((id) => id !== 'summary')],
    ['summary,customfield_99999', ['summary']],
    ['*all,-attachment,-worklog', ALL_FIELDS.filter((id) => id !== 'attachment' && id !== 'worklog')],
  ])('fields=%s returns exactly those fields', async (fields, expected) => {
    expect(Object.keys((await issue(`/rest/api/3/issue/DEMO-1?fields=${fields}`)).fields)).toEqual(expected);
  });

  it('renders fields as Jira does with expand=renderedFields', async () => {
    const body = await issue(
      '/rest/api/3/issue/DEMO-6?fields=description,created,duedate,summary,attachment&expand=renderedFields',
    );
    expect(body.expand).toBe('names,schema,operations,editmeta,changelog,versionedRepresentations');
    expect(body.renderedFields).toEqual({
      created: 'Yesterday 11:00 AM',
      description:
        '<p>After the laptop sleeps, the two monitors on the <b>USB-C dock</b> stay black until I unplug and replug the dock.</p>\n\n' +
        '<p>Dock firmware is <tt>1.0.12</tt>; <del>updating the display driver</del> did not help.</p>',
      attachment: [],
      summary: null,
      duedate: '21/Mar/25',
    });
  });

  it('renders the description table and the comments of DEMO-2', async () => {
    const body = await issue('/rest/api/3/issue/DEMO-2?fields=description,comment&expand=renderedFields');
    const html = body.renderedFields?.description as string;
    expect(html).toContain(
      "<div class='table-wrap'>\n<table class='confluenceTable'><tbody>\n<tr>\n<th class='confluenceTh'>Item</th>\n<th class='confluenceTh'>Owner</th>\n<th class='confluenceTh'>Status</th>\n</tr>\n<tr>\n<td class='confluenceTd'>Laptop (MacBook Pro 14&quot;, 32 GB)</td>",
    );
    expect(html).toContain('<div class="panel" style="background-color: #deebff;border-width: 1px;">');
    const comments = body.renderedFields?.comment as { comments: { body: string; created: string }[]; total: number };
    expect(comments.total).toBe(1);
    expect(comments.comments[0]?.body).toBe(
      '<p>Laptop ordered (PO 4500012877), expected Thursday. I will image it on Friday and leave it at desk 4.12.</p>',
    );
    expect(comments.comments[0]?.created).toBe('Wednesday 11:05 AM');
  });

  it("renders dates in the caller's time zone", async () => {
    const fields = 'created&expand=renderedFields';
    const sydney = await issue(`/rest/api/3/issue/DEMO-1?fields=${fields}`, as(CASEY_CUSTOMER));
    const newYork = await issue(`/rest/api/3/issue/DEMO-1?fields=${fields}`, as(SAM_AGENT));
    expect(sydney.fields.created).toBe('2025-03-03T19:12:41.000+1100');
    expect(newYork.fields.created).toBe('2025-03-03T03:12:41.000-0500');
    expect(sydney.renderedFields?.created).toBe('Monday 7:12 PM');
    expect(newYork.renderedFields?.created).toBe('Monday 3:12 AM');
    const older = await issue(`/rest/api/3/issue/DEMO-4?fields=${fields}`, as(SAM_AGENT));
    expect(older.renderedFields?.created).toBe('24/Feb/25 8:05 AM');
  });

  it('names and schema describe the returned fields', async () => {
    const body = await issue('/rest/api/3/issue/DEMO-1?fields=summary,assignee,labels&expand=names,schema');
    expect(body.names).toEqual({ assignee: 'Assignee', labels: 'Labels', summary: 'Summary' });
    expect(body.schema).toEqual({
      assignee: { type: 'user', system: 'assignee' },
      labels: { type: 'array', items: 'string', system: 'labels' },
      summary: { type: 'string', system: 'summary' },
    });
  });

  it.each([
    ['*all', { 'support.sla': { target: '2025-03-05T08:12:41.000Z', breached: false } }],
    ['support.sla', { 'support.sla': { target: '2025-03-05T08:12:41.000Z', breached: false } }],
    ['*all,-support.sla', {}],
    ['unknown.key', {}],
  ])('properties=%s', async (properties, expected) => {
    expect((await issue(`/rest/api/3/issue/DEMO-1?fields=summary&properties=${properties}`)).properties).toEqual(
      expected,
    );
  });

  it('leaves properties out unless asked for', async () => {
    expect((await issue('/rest/api/3/issue/DEMO-1?fields=summary')).properties).toBeUndefined();
  });

  it.each(['demo-1', '10001', 'Demo-1'])('finds DEMO-1 as %s', async (ref) => {
    expect((await issue(`/rest/api/3/issue/${ref}?fields=summary`)).key).toBe('DEMO-1');
  });

  it('answers the unassigned issue with a null assignee', async () => {
    expect((await issue('/rest/api/3/issue/DEMO-5?fields=assignee')).fields).toEqual({ assignee: null });
  });

  it('gives a resolved issue its resolution and date', async () => {
    const body = await issue('/rest/api/3/issue/DEMO-4?fields=resolution,resolutiondate,status');
    expect(body.fields.resolution).toEqual({
      self: `${SITE}/rest/api/3/resolution/10000`,
      id: '10000',
      description: 'Work has been completed on this issue.',
      name: 'Done',
    });
    expect(body.fields.resolutiondate).toBe('2025-02-27T10:41:19.000+0000');
    expect((body.fields.status as { statusCategory: { key: string } }).statusCategory.key).toBe('done');
  });

  it('answers REST v2 with wiki markup and v2 links', async () => {
    const body = await issue('/rest/api/2/issue/DEMO-6?fields=description');
    expect(body.self).toBe(`${SITE}/rest/api/2/issue/10006`);
    expect(body.fields.description).toBe(
      'After the laptop sleeps, the two monitors on the *USB-C dock* stay black until I unplug and replug the dock.\n\n' +
        'Dock firmware is {{1.0.12}}; -updating the display driver- did not help.',
    );
  });

  const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

  it.each([
    ['an unknown key', 'DEMO-99', as(ALEX_ADMIN)],
    ['an unknown id', '99999', APP],
    ['an issue a customer did not report', 'DEMO-2', as(CASEY_CUSTOMER)],
  ])('answers 404 for %s', async (_what, ref, actor) => {
    const answer = await get(jira, `/rest/api/3/issue/${ref}`, actor);
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual(NOT_FOUND);
  });

  it('shows a customer the issue they reported', async () => {
    expect((await get(jira, '/rest/api/3/issue/DEMO-4?fields=summary', as(CASEY_CUSTOMER))).status).toBe(200);
  });

  it('hides the email address a person keeps private, except from themselves', async () => {
    const reporterFor = async (actor = admin) =>
      (await issue('/rest/api/3/issue/DEMO-1?fields=reporter', actor)).fields.reporter as Record<string, unknown>;
    expect((await reporterFor()).emailAddress).toBeUndefined();
    expect((await reporterFor(APP)).emailAddress).toBeUndefined();
    expect((await reporterFor(as(CASEY_CUSTOMER))).emailAddress).toBe('casey.customer@customer.example');
    const assignee = (await issue('/rest/api/3/issue/DEMO-1?fields=assignee', as(JORDAN_MEMBER))).fields
      .assignee as Record<string, unknown>;
    expect(assignee.emailAddress).toBe('sam.rivera@example.com');
  });
});
