import {
  ALEX_ADMIN,
  APP_USER,
  CASEY_CUSTOMER,
  createJiraEmulator,
  JORDAN_MEMBER,
  SAM_AGENT,
} from '../../../local/jira';
import type { JiraIssueProductEvent } from '../../../local/jira/types';
import { APP, as, newJira, NOW, send, SITE } from './helpers';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const AT = '2025-03-08T10:00:00.000+0000';
const V2 = `${SITE}/rest/api/2`;

const listen = (jira: ReturnType<typeof newJira>) => {
  const events: JiraIssueProductEvent[] = [];
  // Issue events only: an attachment event carries no issue.
  const stop = jira.onEvent((event) => {
    if (event.eventType !== 'avi:jira:created:attachment') events.push(event);
  });
  return { events, stop };
};

const taskType = {
  self: `${V2}/issuetype/10002`,
  id: '10002',
  description: 'A small, distinct piece of work.',
  iconUrl: `${V2}/universal_avatar/view/type/issuetype/avatar/10318?size=medium`,
  name: 'Task',
  subtask: false,
  avatarId: 10318,
  hierarchyLevel: 0,
};

const demoProject = {
  self: `${V2}/project/10000`,
  id: '10000',
  key: 'DEMO',
  name: 'Demo IT Support',
  projectTypeKey: 'software',
  simplified: false,
  avatarUrls: {
    '48x48': `${V2}/universal_avatar/view/type/project/avatar/10400?size=large`,
    '24x24': `${V2}/universal_avatar/view/type/project/avatar/10400?size=small`,
    '16x16': `${V2}/universal_avatar/view/type/project/avatar/10400?size=xsmall`,
    '32x32': `${V2}/universal_avatar/view/type/project/avatar/10400?size=medium`,
  },
};

const status = (
  id: string,
  name: string,
  iconName: string,
  description: string,
  category: { id: number; key: string; colorName: string; name: string },
) => ({
  self: `${V2}/status/${id}`,
  description,
  iconUrl: `${SITE}/images/icons/statuses/${iconName}.png`,
  name,
  id,
  statusCategory: { self: `${V2}/statuscategory/${category.id}`, ...category },
});
const TO_DO = status('10000', 'To Do', 'open', '', { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' });
const WAITING = status('10002', 'Waiting for customer', 'generic', 'Waiting for the reporter to answer a question.', {
  id: 4,
  key: 'indeterminate',
  colorName: 'yellow',
  name: 'In Progress',
});

describe('product events of the local Jira', () => {
  it('emits avi:jira:created:issue as Forge delivers it, with the creator as atlassianId', async () => {
    const jira = newJira();
    const { events } = listen(jira);
    await send(jira, 'POST', '/rest/api/3/issue', as(SAM_AGENT), {
      fields: {
        project: { key: 'DEMO' },
        issuetype: { name: 'Task' },
        summary: 'Printer on floor 3 jams',
        assignee: { accountId: JORDAN_MEMBER.accountId },
      },
    });
    expect(events).toEqual([
      {
        id: 'jira-event-1',
        eventType: 'avi:jira:created:issue',
        actor: { type: 'user', accountId: SAM_AGENT.accountId },
        payload: {
          eventType: 'avi:jira:created:issue',
          atlassianId: SAM_AGENT.accountId,
          issue: {
            id: '10009',
            key: 'DEMO-7',
            fields: {
              summary: 'Printer on floor 3 jams',
              issuetype: taskType,
              project: demoProject,
              status: TO_DO,
              reporter: { accountId: SAM_AGENT.accountId },
              assignee: { accountId: JORDAN_MEMBER.accountId },
              creator: { accountId: SAM_AGENT.accountId },
              created: AT,
              updated: AT,
            },
          },
          associatedUsers: [{ accountId: SAM_AGENT.accountId }],
        },
      },
    ]);
  });

  it('emits avi:jira:commented:issue with the comment, its author and the actor', async () => {
    const jira = newJira();
    const { events } = listen(jira);
    const answer = await send(jira, 'POST', '/rest/api/3/issue/DEMO-2/comment', as(JORDAN_MEMBER), {
      body: adf('The laptop arrives Monday.'),
    });
    expect(answer.status).toBe(201);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.id).toBe('jira-event-1');
    expect(event?.eventType).toBe('avi:jira:commented:issue');
    expect(event?.actor).toEqual({ type: 'user', accountId: JORDAN_MEMBER.accountId });
    expect(event?.payload.atlassianId).toBe(JORDAN_MEMBER.accountId);
    expect(event?.payload.associatedUsers).toEqual([{ accountId: JORDAN_MEMBER.accountId }]);
    expect(event?.payload.comment).toEqual({
      id: '10214',
      self: `${V2}/issue/10002/comment/10214`,
      author: { accountId: JORDAN_MEMBER.accountId, accountType: 'atlassian', displayName: 'Jordan Lee' },
      updateAuthor: { accountId: JORDAN_MEMBER.accountId, accountType: 'atlassian', displayName: 'Jordan Lee' },
      body: adf('The laptop arrives Monday.'),
      created: AT,
      updated: AT,
      jsdPublic: true,
    });
    expect(event?.payload.issue).toMatchObject({
      id: '10002',
      key: 'DEMO-2',
      fields: { updated: AT, status: TO_DO, project: demoProject },
    });
    expect(Object.keys(event?.payload ?? {})).toEqual([
      'eventType',
      'atlassianId',
      'issue',
      'associatedUsers',
      'comment',
    ]);
  });

  it("names the app's account for what the app does, and its comments as the app's", async () => {
    const jira = newJira();
    const { events } = listen(jira);
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-3/comment', APP, {
      body: adf('Emailed to someone@example.com by Alex Admin.'),
    });
    expect(events.map((event) => [event.actor, event.payload.atlassianId, event.payload.comment?.author])).toEqual([
      [
        { type: 'app' },
        APP_USER.accountId,
        { accountId: APP_USER.accountId, accountType: 'app', displayName: 'Issue Mailer for Jira' },
      ],
    ]);
  });

  it('emits avi:jira:updated:issue with the changelog of a status change', async () => {
    const jira = newJira();
    const { events } = listen(jira);
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-6/transitions', as(ALEX_ADMIN), { transition: { id: '31' } });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.eventType).toBe('avi:jira:updated:issue');
    expect(event?.payload).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: ALEX_ADMIN.accountId,
      issue: {
        id: '10006',
        key: 'DEMO-6',
        fields: { status: WAITING, updated: AT, reporter: { accountId: JORDAN_MEMBER.accountId } },
      },
      associatedUsers: [{ accountId: ALEX_ADMIN.accountId }],
      changelog: {
        id: '10500',
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: '3',
            fromString: 'In Progress',
            to: '10002',
            toString: 'Waiting for customer',
          },
        ],
      },
    });
    expect(event?.payload.comment).toBeUndefined();
  });

  it('numbers events in order and emits nothing for reads, refusals and other changes', async () => {
    const jira = newJira();
    const { events } = listen(jira);
    await jira.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-1', headers: {} }, as(ALEX_ADMIN));
    await send(jira, 'PUT', '/rest/api/3/issue/DEMO-1/properties/support.note', as(ALEX_ADMIN), { seen: true });
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-6/comment', as(CASEY_CUSTOMER), { body: adf('Not mine.') });
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN), { body: adf('') });
    expect(events).toEqual([]);
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN), { body: adf('One') });
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/transitions', as(ALEX_ADMIN), { transition: { id: '41' } });
    await send(jira, 'POST', '/rest/api/3/issue', as(ALEX_ADMIN), {
      fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Two' },
    });
    expect(events.map((event) => [event.id, event.eventType, event.payload.issue.key])).toEqual([
      ['jira-event-1', 'avi:jira:commented:issue', 'DEMO-1'],
      ['jira-event-2', 'avi:jira:updated:issue', 'DEMO-1'],
      ['jira-event-3', 'avi:jira:created:issue', 'OPS-3'],
    ]);
  });

  it('stops calling a listener that unsubscribed, gives each listener its own copy, and survives one that throws', async () => {
    const failures: unknown[] = [];
    const jira = createJiraEmulator({
      siteUrl: SITE,
      now: () => NOW,
      onInternalError: (error) => failures.push(error),
    });
    const broken = new Error('listener broke');
    jira.onEvent(() => {
      throw broken;
    });
    jira.onEvent((event) => {
      if (event.eventType !== 'avi:jira:created:attachment') event.payload.issue.key = 'CHANGED-1';
    });
    const first = listen(jira);
    const second = listen(jira);
    const comment = await send(jira, 'POST', '/rest/api/3/issue/DEMO-5/comment', as(SAM_AGENT), { body: adf('Seen.') });
    expect(comment.status).toBe(201);
    expect(failures).toEqual([broken]);
    second.stop();
    await send(jira, 'POST', '/rest/api/3/issue/DEMO-5/comment', as(SAM_AGENT), { body: adf('Again.') });
    expect(first.events.map((event) => event.payload.issue.key)).toEqual(['DEMO-5', 'DEMO-5']);
    expect(second.events.map((event) => event.id)).toEqual(['jira-event-1']);
  });
});
