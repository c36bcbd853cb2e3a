/**
 * Edits, assignments and new files in the local Jira, and the Forge product events they cause
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/).
 */
import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import type { JiraProductEvent } from '../../../local/jira/types';
import { as, get, newJira, send } from './helpers';

const listen = (jira: ReturnType<typeof newJira>) => {
  const events: JiraProductEvent[] = [];
  jira.onEvent((event) => events.push(event));
  return events;
};

const changelogOf = (event: JiraProductEvent | undefined) =>
  event !== undefined && event.eventType !== 'avi:jira:created:attachment' ? event.payload.changelog : undefined;

describe('PUT /rest/api/3/issue/{key}', () => {
  it('changes the priority and announces it with the changelog Jira keeps (ids in from/to, names in the strings)', async () => {
    const jira = newJira();
    const events = listen(jira);
    const answer = await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2', as(SAM_AGENT), {
      fields: { priority: { name: 'High' } },
    });
    expect(answer.status).toBe(204);
    expect(events.map((event) => event.eventType)).toEqual(['avi:jira:updated:issue']);
    expect(changelogOf(events[0])?.items).toEqual([
      {
        field: 'priority',
        fieldtype: 'jira',
        fieldId: 'priority',
        from: '3',
        fromString: 'Medium',
        to: '2',
        toString: 'High',
      },
    ]);
    expect(events[0]?.payload.atlassianId).toBe(SAM_AGENT.accountId);
    const issue = await get(jira, '/rest/api/3/issue/DEMO-2?fields=priority', as(SAM_AGENT));
    expect(issue.json<{ fields: { priority: { name: string } } }>().fields.priority.name).toBe('High');
  });

  it('changes several fields in one changelog, and announces nothing for a value that stays', async () => {
    const jira = newJira();
    const events = listen(jira);
    await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2', as(ALEX_ADMIN), {
      fields: { priority: { name: 'Medium' }, labels: ['onboarding'], summary: 'New laptop' },
    });
    expect(changelogOf(events[0])?.items.map((item) => [item.fieldId, item.fromString, item.toString])).toEqual([
      ['summary', 'Onboard new starter Jordan Lee: laptop, accounts and VPN access', 'New laptop'],
      ['labels', 'onboarding new-starter', 'onboarding'],
    ]);
    await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2', as(ALEX_ADMIN), { fields: { priority: { name: 'Medium' } } });
    expect(events).toHaveLength(1);
  });

  it('replaces the description with an ADF document; the changelog keeps its text', async () => {
    const jira = newJira();
    const events = listen(jira);
    const description = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Shown in place now.' }] }],
    };
    const answer = await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2', as(ALEX_ADMIN), { fields: { description } });
    expect(answer.status).toBe(204);
    expect(changelogOf(events[0])?.items.map((item) => [item.fieldId, item.toString])).toEqual([
      ['description', 'Shown in place now.'],
    ]);
    const issue = await get(jira, '/rest/api/3/issue/DEMO-2?fields=description', as(ALEX_ADMIN));
    expect(issue.json<{ fields: { description: unknown } }>().fields.description).toEqual(description);
  });

  it.each([
    ['someone who may not edit (Jordan)', as(JORDAN_MEMBER), { fields: { priority: { name: 'High' } } }, 403],
    ['a customer, who cannot see the issue', as(CASEY_CUSTOMER), { fields: { priority: { name: 'High' } } }, 404],
    ['an unknown priority', as(ALEX_ADMIN), { fields: { priority: { name: 'Urgent' } } }, 400],
    ['a field off the edit screen', as(ALEX_ADMIN), { fields: { duedate: '2025-04-01' } }, 400],
    ['a description that is no ADF document', as(ALEX_ADMIN), { fields: { description: 'plain text' } }, 400],
  ])('refuses %s, announcing nothing', async (_what, actor, body, status) => {
    const jira = newJira();
    const events = listen(jira);
    const answer = await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2', actor, body);
    expect(answer.status).toBe(status);
    expect(events).toEqual([]);
  });
});

describe('PUT /rest/api/3/issue/{key}/assignee', () => {
  it('announces avi:jira:updated:issue and avi:jira:assigned:issue with account ids in from/to', async () => {
    const jira = newJira();
    const events = listen(jira);
    const answer = await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2/assignee', as(SAM_AGENT), {
      accountId: ALEX_ADMIN.accountId,
    });
    expect(answer.status).toBe(204);
    expect(events.map((event) => event.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
    const item = {
      field: 'assignee',
      fieldtype: 'jira',
      fieldId: 'assignee',
      from: SAM_AGENT.accountId,
      fromString: 'Sam Rivera',
      to: ALEX_ADMIN.accountId,
      toString: 'Alex Admin',
    };
    expect(changelogOf(events[1])).toEqual({ id: changelogOf(events[0])?.id, items: [item] });
    // "the one who made the update, and any users assigned or unassigned in the update"
    const assigned = events[1];
    expect(assigned?.eventType === 'avi:jira:assigned:issue' && assigned.payload.associatedUsers).toEqual([
      { accountId: SAM_AGENT.accountId },
      { accountId: ALEX_ADMIN.accountId },
    ]);
  });

  it('unassigns with null, and refuses someone who may not assign', async () => {
    const jira = newJira();
    const events = listen(jira);
    expect(
      (
        await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2/assignee', as(JORDAN_MEMBER), {
          accountId: ALEX_ADMIN.accountId,
        })
      ).status,
    ).toBe(403);
    expect(
      (await send(jira, 'PUT', '/rest/api/3/issue/DEMO-2/assignee', as(ALEX_ADMIN), { accountId: null })).status,
    ).toBe(204);
    expect(changelogOf(events[1])?.items[0]).toMatchObject({ from: SAM_AGENT.accountId, to: null, toString: null });
  });
});

describe('a new attachment', () => {
  it('announces avi:jira:created:attachment with the attachment, its issue id and author, and no issue', () => {
    const jira = newJira();
    const events = listen(jira);
    const { id } = jira.attachGeneratedFile({
      issueKey: 'DEMO-2',
      filename: 'dock.png',
      mimeType: 'image/png',
      size: 2048,
      seed: 7,
      authorAccountId: SAM_AGENT.accountId,
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.eventType).toBe('avi:jira:created:attachment');
    expect(events[0]?.actor).toEqual({ type: 'user', accountId: SAM_AGENT.accountId });
    expect(events[0]?.payload).toEqual({
      eventType: 'avi:jira:created:attachment',
      atlassianId: SAM_AGENT.accountId,
      attachment: {
        id: Number(id),
        issueId: 10002,
        fileName: 'dock.png',
        mimeType: 'image/png',
        size: 2048,
        created: '2025-03-08 10:00:00.000',
        author: { accountId: SAM_AGENT.accountId, accountType: 'atlassian', displayName: 'Sam Rivera' },
      },
    });
  });
});

describe('GET /rest/api/3/field', () => {
  it("lists the site's fields with their ids and names", async () => {
    const answer = await get(newJira(), '/rest/api/3/field', as(ALEX_ADMIN));
    const fields = answer.json<Array<{ id: string; name: string; custom: boolean }>>();
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'priority', name: 'Priority', custom: false }),
        expect.objectContaining({ id: 'labels', name: 'Labels' }),
      ]),
    );
  });
});
