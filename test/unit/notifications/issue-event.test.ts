import { parseIssueEvent, type IssueEventFact } from '../../../src/notifications/issue-event';

/** DEMO-1 as Forge's product events carry it (more fields than read here, which must not matter). */
const issue = {
  id: '10001',
  key: 'DEMO-1',
  fields: { summary: 'Login page shows a blank screen', project: { id: '100', key: 'DEMO', name: 'Demo' }, updated: '2024-05-06T06:00:00.000+0000' },
};
const created = { eventType: 'avi:jira:created:issue', atlassianId: 'user-7', issue, associatedUsers: [{ accountId: 'user-7' }] };
const commented = (author: unknown) => ({
  eventType: 'avi:jira:commented:issue',
  atlassianId: 'user-7',
  issue,
  comment: { id: '20001', body: { type: 'doc', version: 1, content: [] }, ...(author === undefined ? {} : { author }) },
});
const statusItem = { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '3', fromString: 'In Progress', to: '10000', toString: 'Done' };
const updated = (changelog: unknown) => ({ eventType: 'avi:jira:updated:issue', atlassianId: 'user-7', issue, changelog });

const base = { issue: { id: '10001', key: 'DEMO-1', projectKey: 'DEMO' }, actorAccountId: 'user-7', byApp: false };

describe('parseIssueEvent', () => {
  it.each<[string, unknown, IssueEventFact]>([
    ['an issue created', created, { ...base, kind: 'issue-created', eventId: 'created:10001' }],
    ['an issue created by no one Jira names', { ...created, atlassianId: null }, { ...base, kind: 'issue-created', eventId: 'created:10001', actorAccountId: undefined }],
    ['an issue created, no atlassianId at all', { ...created, atlassianId: undefined }, { ...base, kind: 'issue-created', eventId: 'created:10001', actorAccountId: undefined }],
    [
      'a comment by a person (the actor is its author)',
      commented({ accountId: 'user-9', accountType: 'atlassian' }),
      { ...base, kind: 'issue-commented', eventId: 'comment:20001', actorAccountId: 'user-9' },
    ],
    [
      'a comment by an app',
      commented({ accountId: 'app-1', accountType: 'app' }),
      { ...base, kind: 'issue-commented', eventId: 'comment:20001', actorAccountId: 'app-1', byApp: true },
    ],
    ['a comment without an author (the event names the actor)', commented(undefined), { ...base, kind: 'issue-commented', eventId: 'comment:20001' }],
    ['a comment whose author is null', commented(null), { ...base, kind: 'issue-commented', eventId: 'comment:20001' }],
    [
      'an update that changed the status',
      updated({ id: '30001', items: [{ field: 'summary', fieldId: 'summary', toString: 'New summary' }, statusItem] }),
      { ...base, kind: 'issue-transitioned', eventId: 'changelog:30001', toStatus: 'Done' },
    ],
    [
      'a status change named by fieldId only',
      updated({ id: '30002', items: [{ fieldId: 'status', toString: 'In Review' }] }),
      { ...base, kind: 'issue-transitioned', eventId: 'changelog:30002', toStatus: 'In Review' },
    ],
    [
      'a status change without a changelog id (keyed on the issue, its update time and the status)',
      updated({ items: [statusItem] }),
      { ...base, kind: 'issue-transitioned', eventId: 'changelog:10001:2024-05-06T06:00:00.000+0000:Done', toStatus: 'Done' },
    ],
  ])('reads %s', (_name, event, fact) => {
    expect(parseIssueEvent(event)).toStrictEqual(fact);
  });

  it.each<[string, unknown]>([
    ['an update of other fields', updated({ id: '30001', items: [{ field: 'summary', fieldId: 'summary', toString: 'New summary' }] })],
    ['an update without a changelog', updated(undefined)],
    ['an update with an empty changelog', updated({ id: '30001', items: [] })],
    ['a status change to nothing', updated({ id: '30001', items: [{ ...statusItem, toString: null }] })],
    ['a comment event without the comment', { eventType: 'avi:jira:commented:issue', atlassianId: 'user-7', issue }],
    ['a deleted issue', { ...created, eventType: 'avi:jira:deleted:issue' }],
    ['an assigned issue', { ...created, eventType: 'avi:jira:assigned:issue' }],
    ['null', null],
    ['a string', 'avi:jira:created:issue'],
    ['an empty object', {}],
    ['no event type', { issue }],
    ['no issue', { eventType: 'avi:jira:created:issue', atlassianId: 'user-7' }],
    ['an issue id that is not a number', { ...created, issue: { ...issue, id: '../10001' } }],
    ['an issue without its project', { ...created, issue: { ...issue, fields: { summary: 'x' } } }],
    ['a comment id that is not a string', { ...commented({ accountId: 'user-9' }), comment: { id: 20001 } }],
    ['changelog items that are not a list', updated({ id: '30001', items: 'status' })],
  ])('ignores %s', (_name, event) => {
    expect(parseIssueEvent(event)).toBeUndefined();
  });
});
