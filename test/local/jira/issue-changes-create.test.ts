import { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';
import { ANONYMOUS, APP, as, get, newJira, send, SITE } from './helpers';
import { adf, fieldsOf, NOW_JIRA } from './issue-changes-fixtures';
import { schemaErrors } from './openapi';

describe('the OPS service project', () => {
  const jira = newJira();

  it('is a service project that agents and admins see, and members and customers do not', async () => {
    const project = await get(jira, '/rest/api/3/project/OPS', as(SAM_AGENT));
    expect(project.status).toBe(200);
    expect(project.json()).toMatchObject({
      id: '10001',
      key: 'OPS',
      name: 'IT Operations',
      projectTypeKey: 'service_desk',
      lead: { accountId: SAM_AGENT.accountId },
    });
    expect(schemaErrors('Project', project.json())).toEqual([]);
    for (const actor of [as(JORDAN_MEMBER), as(CASEY_CUSTOMER)]) {
      expect((await get(jira, '/rest/api/3/project/OPS', actor)).status).toBe(404);
      expect((await get(jira, '/rest/api/3/issue/OPS-1', actor)).status).toBe(404);
    }
    const keys = async (actor: JiraActor) =>
      (await get(jira, '/rest/api/3/project/search', actor))
        .json<{ values: { key: string }[] }>()
        .values.map((value) => value.key);
    expect(await keys(as(SAM_AGENT))).toEqual(['DEMO', 'OPS', 'SEC']);
    expect(await keys(APP)).toEqual(['DEMO', 'OPS']);
    expect(await keys(as(JORDAN_MEMBER))).toEqual(['DEMO']);
  });

  it('holds OPS-1 and OPS-2, reported by Sam, after DEMO-6', async () => {
    const found = (
      await get(
        jira,
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project = OPS ORDER BY key')}&fields=summary,reporter,status,issuetype,components`,
        as(ALEX_ADMIN),
      )
    ).json<{
      issues: {
        id: string;
        key: string;
        fields: {
          summary: string;
          reporter: { accountId: string };
          status: { name: string };
          issuetype: { name: string };
          components: { name: string }[];
        };
      }[];
    }>().issues;
    expect(
      found.map(({ id, key, fields }) => [
        id,
        key,
        fields.reporter.accountId,
        fields.status.name,
        fields.issuetype.name,
        fields.components.map((component) => component.name),
      ]),
    ).toEqual([
      ['10007', 'OPS-1', SAM_AGENT.accountId, 'To Do', 'Task', ['Backups', 'Servers']],
      ['10008', 'OPS-2', SAM_AGENT.accountId, 'To Do', 'Task', ['Servers']],
    ]);
    expect(found[0]?.fields.summary).toBe('Nightly backup of the file server fails with a snapshot timeout');
    const watchers = (await get(jira, '/rest/api/3/issue/OPS-1/watchers', as(ALEX_ADMIN))).json<{
      watchers: { accountId: string }[];
    }>();
    expect(watchers.watchers.map((watcher) => watcher.accountId)).toEqual([SAM_AGENT.accountId]);
  });

  it('has Sam in its Service Desk Team and Alex among its Administrators', async () => {
    const actors = async (roleId: number) =>
      (await get(jira, `/rest/api/3/project/OPS/role/${roleId}`, APP))
        .json<{ actors: { displayName: string }[] }>()
        .actors.map((actor) => actor.displayName);
    expect(await actors(10003)).toEqual(['Sam Rivera']);
    expect(await actors(10002)).toEqual(['Alex Admin']);
  });

  it('answers component queries across projects', async () => {
    const keys = (
      await get(
        jira,
        `/rest/api/3/search/jql?jql=${encodeURIComponent('component = Backups')}&fields=summary`,
        as(SAM_AGENT),
      )
    ).json<{ issues: { key: string }[] }>();
    expect(keys.issues.map((issue) => issue.key)).toEqual(['OPS-1']);
  });
});

describe('POST /rest/api/3/issue', () => {
  it('creates DEMO-7 with the next id, reported by and watched by its creator, in To Do', async () => {
    const jira = newJira();
    const answer = await send(jira, 'POST', '/rest/api/3/issue', as(SAM_AGENT), {
      fields: {
        project: { key: 'DEMO' },
        issuetype: { name: 'Task' },
        summary: '  Printer on floor 3 jams  ',
        description: adf('It jams on every job.'),
        labels: ['printing', 'printing'],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual({ id: '10009', key: 'DEMO-7', self: `${SITE}/rest/api/3/issue/10009` });
    expect(schemaErrors('CreatedIssue', answer.json())).toEqual([]);
    const fields = await fieldsOf(jira, 'DEMO-7');
    expect(fields).toMatchObject({
      summary: 'Printer on floor 3 jams',
      status: { id: '10000', name: 'To Do' },
      resolution: null,
      issuetype: { name: 'Task' },
      project: { key: 'DEMO' },
      priority: { name: 'Medium' },
      reporter: { accountId: SAM_AGENT.accountId },
      creator: { accountId: SAM_AGENT.accountId },
      assignee: null,
      labels: ['printing'],
      description: adf('It jams on every job.'),
      watches: { watchCount: 1 },
    });
    // Alex's time zone is Europe/London, UTC in March.
    expect([fields.created, fields.updated, fields.statuscategorychangedate]).toEqual([NOW_JIRA, NOW_JIRA, NOW_JIRA]);
    expect(jira.issueKeys().slice(-1)).toEqual(['DEMO-7']);
  });

  it('numbers keys per project and ids across the site; the app reports what it creates', async () => {
    const jira = newJira();
    const created = async (actor: JiraActor, fields: Record<string, unknown>) =>
      (await send(jira, 'POST', '/rest/api/3/issue', actor, { fields })).json<{ id: string; key: string }>();
    expect(
      await created(as(ALEX_ADMIN), {
        project: { id: '10001' },
        issuetype: { id: '10004' },
        summary: 'Switch in rack B reboots',
        assignee: { accountId: SAM_AGENT.accountId },
        priority: { name: 'High' },
      }),
    ).toMatchObject({ id: '10009', key: 'OPS-3' });
    expect(
      await created(APP, { project: { key: 'DEMO' }, issuetype: { name: 'Story' }, summary: 'Raised by the app' }),
    ).toMatchObject({ id: '10010', key: 'DEMO-7' });
    expect(await fieldsOf(jira, 'OPS-3')).toMatchObject({
      assignee: { accountId: SAM_AGENT.accountId },
      priority: { name: 'High' },
      issuetype: { name: 'Bug' },
    });
    expect(await fieldsOf(jira, 'DEMO-7')).toMatchObject({
      reporter: { accountId: APP_USER.accountId },
      creator: { accountId: APP_USER.accountId },
      watches: { watchCount: 0 },
    });
  });

  it('takes a wiki-markup description on REST v2, and a reporter named by the caller', async () => {
    const jira = newJira();
    const answer = await send(jira, 'POST', '/rest/api/2/issue', as(ALEX_ADMIN), {
      fields: {
        project: { key: 'DEMO' },
        issuetype: { name: 'Bug' },
        summary: 'Badge reader offline',
        description: 'Line one\n\nLine two',
        reporter: { accountId: JORDAN_MEMBER.accountId },
      },
    });
    expect(answer.json()).toEqual({ id: '10009', key: 'DEMO-7', self: `${SITE}/rest/api/2/issue/10009` });
    expect(await fieldsOf(jira, 'DEMO-7')).toMatchObject({
      description: { type: 'doc', version: 1, content: [adf('Line one').content[0], adf('Line two').content[0]] },
      reporter: { accountId: JORDAN_MEMBER.accountId },
      creator: { accountId: ALEX_ADMIN.accountId },
    });
  });

  const task = (fields: Record<string, unknown> = {}) => ({
    fields: { project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary: 'A task', ...fields },
  });
  const fieldError = (errors: Record<string, string>) => ({ errorMessages: [], errors });

  it.each<[string, JiraActor, unknown, number, unknown]>([
    [
      'a customer, who may not create issues',
      as(CASEY_CUSTOMER),
      task(),
      403,
      { errorMessages: ['You do not have permission to create issues in this project.'], errors: {} },
    ],
    [
      'a member in the service project they cannot see',
      as(JORDAN_MEMBER),
      task({ project: { key: 'OPS' } }),
      400,
      fieldError({ project: 'Specify a valid project ID or key' }),
    ],
    [
      'an unknown project',
      as(ALEX_ADMIN),
      task({ project: { key: 'NOPE' } }),
      400,
      fieldError({ project: 'Specify a valid project ID or key' }),
    ],
    ['no fields at all', as(ALEX_ADMIN), {}, 400, fieldError({ project: 'Specify a valid project ID or key' })],
    [
      'no issue type',
      as(ALEX_ADMIN),
      { fields: { project: { key: 'DEMO' }, summary: 'x' } },
      400,
      fieldError({ issuetype: 'Specify an issue type' }),
    ],
    [
      'an unknown issue type',
      as(ALEX_ADMIN),
      task({ issuetype: { name: 'Epic' } }),
      400,
      fieldError({ issuetype: 'The issue type selected is invalid.' }),
    ],
    [
      'an empty summary',
      as(ALEX_ADMIN),
      task({ summary: '   ' }),
      400,
      fieldError({ summary: 'You must specify a summary of the issue.' }),
    ],
    [
      'a summary over 255 characters',
      as(ALEX_ADMIN),
      task({ summary: 'x'.repeat(256) }),
      400,
      fieldError({ summary: 'Summary must be less than 255 characters.' }),
    ],
    [
      'a summary on two lines',
      as(ALEX_ADMIN),
      task({ summary: 'one\ntwo' }),
      400,
      fieldError({ summary: 'The summary is invalid because it contains newline characters.' }),
    ],
    [
      'a v3 description that is not ADF',
      as(ALEX_ADMIN),
      task({ description: 'plain text' }),
      400,
      fieldError({ description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' }),
    ],
    [
      'an unknown reporter',
      as(ALEX_ADMIN),
      task({ reporter: { accountId: 'ghost' } }),
      400,
      fieldError({ reporter: 'Specify a valid value for reporter' }),
    ],
    [
      'an assignee who cannot be assigned',
      as(ALEX_ADMIN),
      task({ assignee: { accountId: CASEY_CUSTOMER.accountId } }),
      400,
      fieldError({ assignee: "User 'Casey Customer' cannot be assigned issues." }),
    ],
    [
      'an unknown priority',
      as(ALEX_ADMIN),
      task({ priority: { name: 'Urgent' } }),
      400,
      fieldError({ priority: 'Specify a valid value for priority' }),
    ],
    [
      'fields off the create screen, and a label with a space',
      as(ALEX_ADMIN),
      task({ duedate: '2025-04-01', labels: ['two words'] }),
      400,
      fieldError({
        duedate: "Field 'duedate' cannot be set. It is not on the appropriate screen, or unknown.",
        labels: "The label 'two words' contains spaces which is invalid.",
      }),
    ],
    [
      'an anonymous caller',
      ANONYMOUS,
      task(),
      401,
      { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} },
    ],
  ])('refuses %s', async (_what, actor, body, status, expected) => {
    const jira = newJira();
    const events: string[] = [];
    jira.onEvent((event) => events.push(event.eventType));
    const answer = await send(jira, 'POST', '/rest/api/3/issue', actor, body);
    expect([answer.status, answer.json()]).toEqual([status, expected]);
    expect(schemaErrors('ErrorCollection', answer.json())).toEqual([]);
    expect(jira.issueKeys()).toHaveLength(9);
    expect(events).toEqual([]);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const answer = await send(newJira(), 'POST', '/rest/api/3/issue', as(ALEX_ADMIN), 'summary=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(415);
  });
});
