import {
  attachmentFact,
  type IssueEventFact,
  parseAttachmentEvent,
  parseIssueEvent,
} from '../../../src/notifications/issue-event';

/** DEMO-1 as Forge's product events carry it (more fields than read here, which must not matter). */
const issue = {
  id: '10001',
  key: 'DEMO-1',
  fields: {
    summary: 'Login page shows a blank screen',
    project: { id: '100', key: 'DEMO', name: 'Demo' },
    updated: '2024-05-06T06:00:00.000+0000',
  },
};
const created = {
  eventType: 'avi:jira:created:issue',
  atlassianId: 'user-7',
  issue,
  associatedUsers: [{ accountId: 'user-7' }],
};
const commented = (author: unknown) => ({
  eventType: 'avi:jira:commented:issue',
  atlassianId: 'user-7',
  issue,
  comment: { id: '20001', body: { type: 'doc', version: 1, content: [] }, ...(author === undefined ? {} : { author }) },
});
const statusItem = {
  field: 'status',
  fieldtype: 'jira',
  fieldId: 'status',
  from: '3',
  fromString: 'In Progress',
  to: '10000',
  toString: 'Done',
};
const resolutionItem = {
  field: 'resolution',
  fieldtype: 'jira',
  fieldId: 'resolution',
  from: null,
  fromString: null,
  to: '10000',
  toString: 'Done',
};
const priorityItem = {
  field: 'priority',
  fieldtype: 'jira',
  fieldId: 'priority',
  from: '3',
  fromString: 'Medium',
  to: '2',
  toString: 'High',
};
const assigneeItem = {
  field: 'assignee',
  fieldtype: 'jira',
  fieldId: 'assignee',
  from: null,
  fromString: null,
  to: 'user-9',
  toString: 'Sam Rivera',
};
const assigned = (changelog: unknown) => ({
  eventType: 'avi:jira:assigned:issue',
  atlassianId: 'user-7',
  issue,
  changelog,
});
const updated = (changelog: unknown) => ({
  eventType: 'avi:jira:updated:issue',
  atlassianId: 'user-7',
  issue,
  changelog,
});

const base = { issue: { id: '10001', key: 'DEMO-1', projectKey: 'DEMO' }, actorAccountId: 'user-7', byApp: false };

describe('parseIssueEvent', () => {
  it.each<[string, unknown, IssueEventFact | IssueEventFact[]]>([
    ['an issue created', created, { ...base, kind: 'issue-created', eventId: 'created:10001' }],
    [
      'an issue created by no one Jira names',
      { ...created, atlassianId: null },
      { ...base, kind: 'issue-created', eventId: 'created:10001', actorAccountId: undefined },
    ],
    [
      'an issue created, no atlassianId at all',
      { ...created, atlassianId: undefined },
      { ...base, kind: 'issue-created', eventId: 'created:10001', actorAccountId: undefined },
    ],
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
    [
      'a comment without an author (the event names the actor)',
      commented(undefined),
      { ...base, kind: 'issue-commented', eventId: 'comment:20001' },
    ],
    ['a comment whose author is null', commented(null), { ...base, kind: 'issue-commented', eventId: 'comment:20001' }],
    [
      'an update that changed the status',
      updated({ id: '30001', items: [{ field: 'summary', fieldId: 'summary', toString: 'New summary' }, statusItem] }),
      [
        { ...base, kind: 'issue-transitioned', eventId: 'changelog:30001', toStatus: 'Done' },
        {
          ...base,
          kind: 'field-changed',
          eventId: 'changelog:30001',
          fields: [
            { id: 'summary', name: 'summary' },
            { id: 'status', name: 'status' },
          ],
        },
      ],
    ],
    [
      'a status change named by fieldId only',
      updated({ id: '30002', items: [{ fieldId: 'status', toString: 'In Review' }] }),
      [
        { ...base, kind: 'issue-transitioned', eventId: 'changelog:30002', toStatus: 'In Review' },
        { ...base, kind: 'field-changed', eventId: 'changelog:30002', fields: [{ id: 'status', name: 'status' }] },
      ],
    ],
    [
      'a status change without a changelog id (keyed on the issue, its update time and the status)',
      updated({ items: [statusItem] }),
      [
        {
          ...base,
          kind: 'issue-transitioned',
          eventId: 'changelog:10001:2024-05-06T06:00:00.000+0000:Done',
          toStatus: 'Done',
        },
        {
          ...base,
          kind: 'field-changed',
          eventId: 'changelog:10001:2024-05-06T06:00:00.000+0000:Done',
          fields: [{ id: 'status', name: 'status' }],
        },
      ],
    ],
    [
      'a move to Done: a transition, a resolution and two changed fields',
      updated({ id: '30003', items: [resolutionItem, statusItem] }),
      [
        { ...base, kind: 'issue-transitioned', eventId: 'changelog:30003', toStatus: 'Done' },
        { ...base, kind: 'issue-resolved', eventId: 'changelog:30003', change: { from: null, to: 'Done' } },
        {
          ...base,
          kind: 'field-changed',
          eventId: 'changelog:30003',
          fields: [
            { id: 'resolution', name: 'resolution' },
            { id: 'status', name: 'status' },
          ],
        },
      ],
    ],
    [
      'a reopened issue (resolution cleared): a transition, not a resolution',
      updated({
        id: '30004',
        items: [{ ...resolutionItem, from: '10000', fromString: 'Done', to: null, toString: null }],
      }),
      [
        {
          ...base,
          kind: 'field-changed',
          eventId: 'changelog:30004',
          fields: [{ id: 'resolution', name: 'resolution' }],
        },
      ],
    ],
    [
      'a priority change',
      updated({ id: '30005', items: [priorityItem] }),
      [
        { ...base, kind: 'priority-changed', eventId: 'changelog:30005', change: { from: 'Medium', to: 'High' } },
        { ...base, kind: 'field-changed', eventId: 'changelog:30005', fields: [{ id: 'priority', name: 'priority' }] },
      ],
    ],
    [
      'a custom field change (its name in field, its id in fieldId)',
      updated({
        id: '30006',
        items: [
          {
            field: 'Story Points',
            fieldtype: 'custom',
            fieldId: 'customfield_10016',
            from: null,
            fromString: null,
            to: '3',
            toString: '3',
          },
        ],
      }),
      [
        {
          ...base,
          kind: 'field-changed',
          eventId: 'changelog:30006',
          fields: [{ id: 'customfield_10016', name: 'Story Points' }],
        },
      ],
    ],
    [
      'an old changelog item without fieldId (the field names it)',
      updated({ id: '30007', items: [{ field: 'labels', fromString: '', toString: 'urgent' }] }),
      [{ ...base, kind: 'field-changed', eventId: 'changelog:30007', fields: [{ id: 'labels', name: 'labels' }] }],
    ],
    [
      'an issue assigned to someone',
      assigned({ id: '30008', items: [assigneeItem] }),
      [{ ...base, kind: 'issue-assigned', eventId: 'assigned:30008', change: { from: null, to: 'Sam Rivera' } }],
    ],
  ])('reads %s', (_name, event, fact) => {
    expect(parseIssueEvent(event)).toStrictEqual(Array.isArray(fact) ? fact : [fact]);
  });

  it.each<[string, unknown]>([
    ['an update without a changelog', updated(undefined)],
    ['an update with an empty changelog', updated({ id: '30001', items: [] })],
    [
      'an unassignment',
      assigned({
        id: '30009',
        items: [{ ...assigneeItem, from: 'user-9', fromString: 'Sam Rivera', to: null, toString: null }],
      }),
    ],
    ['an assigned event without an assignee change', assigned({ id: '30010', items: [priorityItem] })],
    ['a comment event without the comment', { eventType: 'avi:jira:commented:issue', atlassianId: 'user-7', issue }],
    ['a deleted issue', { ...created, eventType: 'avi:jira:deleted:issue' }],
    ['an assigned issue without a changelog', { ...created, eventType: 'avi:jira:assigned:issue' }],
    [
      'an attachment event',
      { eventType: 'avi:jira:created:attachment', attachment: { id: '10200', issueId: '10001', fileName: 'a.png' } },
    ],
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
    expect(parseIssueEvent(event)).toStrictEqual([]);
  });

  it('a status change to nothing is no transition, only a changed field', () => {
    expect(
      parseIssueEvent(updated({ id: '30001', items: [{ ...statusItem, toString: null }] })).map((fact) => fact.kind),
    ).toEqual(['field-changed']);
  });
});

describe('parseAttachmentEvent', () => {
  // https://developer.atlassian.com/platform/forge/events-reference/jira/#attachment-events
  const attachmentEvent = {
    eventType: 'avi:jira:created:attachment',
    atlassianId: 'user-7',
    attachment: {
      id: 10200,
      issueId: 10001,
      fileName: 'screenshot.png',
      mimeType: 'image/png',
      size: 2048,
      author: { accountId: 'user-9', accountType: 'atlassian' },
    },
  };

  it('reads the attachment, its issue id and its author', () => {
    const fact = parseAttachmentEvent(attachmentEvent);
    expect(fact).toStrictEqual({
      issueId: '10001',
      attachment: { id: '10200', fileName: 'screenshot.png' },
      actorAccountId: 'user-9',
      byApp: false,
    });
    expect(fact && attachmentFact(fact, base.issue)).toStrictEqual({
      ...base,
      actorAccountId: 'user-9',
      kind: 'attachment-added',
      eventId: 'attachment:10200',
      attachment: { id: '10200', fileName: 'screenshot.png' },
    });
  });

  it('marks a file an app attached', () => {
    expect(
      parseAttachmentEvent({
        ...attachmentEvent,
        attachment: { ...attachmentEvent.attachment, author: { accountId: 'app-1', accountType: 'app' } },
      })?.byApp,
    ).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an issue event', created],
    ['a deleted attachment', { ...attachmentEvent, eventType: 'avi:jira:deleted:attachment' }],
    [
      'an issue id that is not a number',
      { ...attachmentEvent, attachment: { ...attachmentEvent.attachment, issueId: '../1' } },
    ],
    ['no file name', { ...attachmentEvent, attachment: { id: 1, issueId: 2 } }],
  ])('ignores %s', (_name, event) => {
    expect(parseAttachmentEvent(event)).toBeUndefined();
  });
});
