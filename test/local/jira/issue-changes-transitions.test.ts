import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';
import { ANONYMOUS, APP, as, get, newJira, send, SITE } from './helpers';
import { fieldsOf, NOW_JIRA, type TransitionsAnswer } from './issue-changes-fixtures';
import { schemaErrors } from './openapi';

describe('transitions', () => {
  const names = (answer: TransitionsAnswer) =>
    answer.transitions.map((transition) => `${transition.id} ${transition.name} -> ${transition.to.name}`);

  it.each([
    ['DEMO-2', 'To Do', ['21 In Progress -> In Progress']],
    [
      'DEMO-1',
      'In Progress',
      ['11 To Do -> To Do', '31 Waiting for customer -> Waiting for customer', '41 Done -> Done'],
    ],
    ['DEMO-3', 'Waiting for customer', ['21 In Progress -> In Progress', '41 Done -> Done']],
    ['DEMO-4', 'Done', ['21 In Progress -> In Progress']],
  ])('lists what %s (%s) can move to', async (key, _status, expected) => {
    const answer = await get(newJira(), `/rest/api/3/issue/${key}/transitions`, as(ALEX_ADMIN));
    expect(answer.status).toBe(200);
    expect(names(answer.json<TransitionsAnswer>())).toEqual(expected);
    expect(answer.json<TransitionsAnswer>().expand).toBe('transitions');
    expect(schemaErrors('Transitions', answer.json())).toEqual([]);
  });

  it('answers one transition by transitionId, and none to who may see but not transition', async () => {
    const jira = newJira();
    const only = (
      await get(jira, '/rest/api/3/issue/DEMO-1/transitions?transitionId=31', as(SAM_AGENT))
    ).json<TransitionsAnswer>();
    expect(names(only)).toEqual(['31 Waiting for customer -> Waiting for customer']);
    expect(only.transitions[0]).toEqual({
      id: '31',
      name: 'Waiting for customer',
      to: {
        self: `${SITE}/rest/api/3/status/10002`,
        description: 'Waiting for the reporter to answer a question.',
        iconUrl: `${SITE}/images/icons/statuses/generic.png`,
        name: 'Waiting for customer',
        id: '10002',
        statusCategory: {
          self: `${SITE}/rest/api/3/statuscategory/4`,
          id: 4,
          key: 'indeterminate',
          colorName: 'yellow',
          name: 'In Progress',
        },
      },
      hasScreen: false,
      isGlobal: false,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    });
    expect((await get(jira, '/rest/api/3/issue/DEMO-1/transitions', as(CASEY_CUSTOMER))).json()).toEqual({
      expand: 'transitions',
      transitions: [],
    });
    expect((await get(jira, '/rest/api/3/issue/OPS-1/transitions', as(JORDAN_MEMBER))).status).toBe(404);
  });

  it('resolves an issue moved to Done and reopens it, recording each change', async () => {
    const jira = newJira();
    const move = (id: string, actor: JiraActor = as(SAM_AGENT)) =>
      send(jira, 'POST', '/rest/api/3/issue/DEMO-1/transitions', actor, { transition: { id } });
    const done = await move('41');
    expect([done.status, done.bytes.length]).toEqual([204, 0]);
    expect(await fieldsOf(jira, 'DEMO-1')).toMatchObject({
      status: { id: '10001', name: 'Done' },
      resolution: { name: 'Done' },
      resolutiondate: NOW_JIRA,
      statuscategorychangedate: NOW_JIRA,
      updated: NOW_JIRA,
    });
    expect((await move('21', as(JORDAN_MEMBER))).status).toBe(204);
    expect(await fieldsOf(jira, 'DEMO-1')).toMatchObject({
      status: { name: 'In Progress' },
      resolution: null,
      resolutiondate: null,
    });

    const history = (await get(jira, '/rest/api/3/issue/DEMO-1?fields=status&expand=changelog', as(ALEX_ADMIN))).json<{
      changelog: {
        total: number;
        histories: { id: string; author: { accountId: string }; created: string; items: unknown[] }[];
      };
    }>().changelog;
    expect(history.total).toBe(2);
    expect(
      history.histories.map(({ id, author, created, items }) => ({ id, author: author.accountId, created, items })),
    ).toEqual([
      {
        id: '10500',
        author: SAM_AGENT.accountId,
        created: NOW_JIRA,
        items: [
          {
            field: 'resolution',
            fieldtype: 'jira',
            fieldId: 'resolution',
            from: null,
            fromString: null,
            to: '10000',
            toString: 'Done',
          },
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: '3',
            fromString: 'In Progress',
            to: '10001',
            toString: 'Done',
          },
        ],
      },
      {
        id: '10501',
        author: JORDAN_MEMBER.accountId,
        created: NOW_JIRA,
        items: [
          {
            field: 'resolution',
            fieldtype: 'jira',
            fieldId: 'resolution',
            from: '10000',
            fromString: 'Done',
            to: null,
            toString: null,
          },
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: '10001',
            fromString: 'Done',
            to: '3',
            toString: 'In Progress',
          },
        ],
      },
    ]);
  });

  it('moves an issue as the app, which holds every permission', async () => {
    const jira = newJira();
    expect(
      (await send(jira, 'POST', '/rest/api/3/issue/OPS-2/transitions', APP, { transition: { id: 21 } })).status,
    ).toBe(204);
    expect((await fieldsOf(jira, 'OPS-2', as(SAM_AGENT))).status.name).toBe('In Progress');
  });

  it.each<[string, JiraActor, string, unknown, number, unknown]>([
    [
      'a customer on their own issue',
      as(CASEY_CUSTOMER),
      'DEMO-1',
      { transition: { id: '41' } },
      403,
      { errorMessages: ['You do not have permission to transition this issue.'], errors: {} },
    ],
    [
      'a member on an issue they cannot see',
      as(JORDAN_MEMBER),
      'OPS-1',
      { transition: { id: '21' } },
      404,
      { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    ],
    [
      'no transition',
      as(ALEX_ADMIN),
      'DEMO-1',
      {},
      400,
      { errorMessages: ["Missing 'transition' identifier"], errors: {} },
    ],
    [
      'a transition the status does not allow',
      as(ALEX_ADMIN),
      'DEMO-2',
      { transition: { id: '41' } },
      400,
      { errorMessages: ["Transition id '41' is not valid for this issue."], errors: {} },
    ],
    [
      'fields, which no transition screen has',
      as(ALEX_ADMIN),
      'DEMO-1',
      { transition: { id: '41' }, fields: { resolution: { name: "Won't Do" } } },
      400,
      {
        errorMessages: [],
        errors: { resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown." },
      },
    ],
  ])('refuses %s', async (_what, actor, key, body, status, expected) => {
    const jira = newJira();
    const events: string[] = [];
    jira.onEvent((event) => events.push(event.eventType));
    const before = (await fieldsOf(jira, key, as(ALEX_ADMIN))).status.name;
    const answer = await send(jira, 'POST', `/rest/api/3/issue/${key}/transitions`, actor, body);
    expect([answer.status, answer.json()]).toEqual([status, expected]);
    expect((await fieldsOf(jira, key, as(ALEX_ADMIN))).status.name).toBe(before);
    expect(events).toEqual([]);
  });
});

describe('GET /rest/api/3/status', () => {
  it('lists every status with its category, to anyone', async () => {
    const answer = await get(newJira(), '/rest/api/3/status', ANONYMOUS);
    expect(answer.status).toBe(200);
    const statuses = answer.json<{ id: string; name: string; statusCategory: { key: string } }[]>();
    expect(statuses.map(({ id, name, statusCategory }) => [id, name, statusCategory.key])).toEqual([
      ['10000', 'To Do', 'new'],
      ['3', 'In Progress', 'indeterminate'],
      ['10002', 'Waiting for customer', 'indeterminate'],
      ['10001', 'Done', 'done'],
    ]);
    statuses.forEach((status) => expect(schemaErrors('StatusDetails', status)).toEqual([]));
  });
});
