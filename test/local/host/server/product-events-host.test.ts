import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../../local/jira';
import type { JiraActor } from '../../../../local/jira/types';
import { USER_COOKIE } from '../../../../local/jira/web';
import * as eventsApp from './fixtures/product-events-app';

jest.setTimeout(60_000);

let dataDir: string;
let host: LocalHost;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-product-events-'));
  host = await startLocalHost({
    port: 0,
    dataDir,
    log: (line) => logLines.push(line),
    app: { manifestPath: path.join(__dirname, 'fixtures/product-events-manifest.yml'), entry: eventsApp },
    scheduledTriggers: { firstRunDelayMs: 24 * 60 * 60 * 1000 },
  });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const asUser = (accountId: string): JiraActor => ({ type: 'user', accountId });

const jira = (actor: JiraActor, method: string, restPath: string, body?: unknown) =>
  host.jira.handle(
    {
      method,
      path: restPath,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
    },
    actor,
  );

const cookieOf = (accountId: string) => `${USER_COOKIE}=${encodeURIComponent(accountId)}`;

/** A form POST from the site's own page, as the given user. */
const postForm = (
  pathname: string,
  fields: Record<string, string>,
  accountId = ALEX_ADMIN.accountId,
  headers: Record<string, string> = {},
) =>
  fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: host.url,
      cookie: cookieOf(accountId),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

const page = async (pathname: string, accountId = ALEX_ADMIN.accountId) => {
  const response = await fetch(`${host.url}${pathname}`, { headers: { cookie: cookieOf(accountId) } });
  return { status: response.status, html: (await response.text()).replace(/\s+/g, ' ') };
};

/** What the fixture's issue-events function heard since `from`: event type, issue key and atlassianId. */
const heard = (from = 0) =>
  eventsApp.eventCalls
    .slice(from)
    .map(({ event }) => [event.eventType, (event.issue as { key: string }).key, event.atlassianId]);

describe('product events in the local host', () => {
  it('invokes the trigger function with a created issue, as Forge runs product triggers', async () => {
    const answer = await jira(asUser(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary: 'Printer on floor 3 jams' },
    });
    expect(answer.status).toBe(201);
    await host.productEvents.whenIdle();
    expect(eventsApp.eventCalls).toHaveLength(1);
    const [call] = eventsApp.eventCalls;
    expect(call?.event).toEqual({
      eventType: 'avi:jira:created:issue',
      atlassianId: SAM_AGENT.accountId,
      issue: expect.objectContaining({
        id: '10009',
        key: 'DEMO-7',
        fields: expect.objectContaining({ summary: 'Printer on floor 3 jams' }),
      }),
      associatedUsers: [{ accountId: SAM_AGENT.accountId }],
      context: { cloudId: host.jira.cloudId, moduleKey: 'issue-events' },
      contextToken: expect.stringMatching(/^local-context-/),
    });
    expect(call?.moduleType).toBe('core:trigger');
    expect(call?.context.principal).toBeUndefined();
    expect(host.productEvents.delivered()).toBe(1);
  });

  it("delivers a person's comment but not the app's own answer to it (ignoreSelf)", async () => {
    const from = eventsApp.eventCalls.length;
    const answer = await jira(asUser(JORDAN_MEMBER.accountId), 'POST', '/rest/api/3/issue/DEMO-6/comment', {
      body: adf('Please email the vendor.'),
    });
    expect(answer.status).toBe(201);
    await host.productEvents.whenIdle();
    expect(heard(from)).toEqual([['avi:jira:commented:issue', 'DEMO-6', JORDAN_MEMBER.accountId]]);
    // The app's comment is there, made as the app, and no event of it reached the app.
    const comments = JSON.parse(
      String((await jira(asUser(ALEX_ADMIN.accountId), 'GET', '/rest/api/3/issue/DEMO-6/comment')).body),
    ) as {
      comments: { author: { accountId: string }; body: unknown }[];
    };
    expect(comments.comments.at(-1)).toMatchObject({
      author: { accountId: APP_USER.accountId },
      body: adf('Emailed to service-desk@example.com.'),
    });
  });

  it('delivers a status change, and never calls a module listening to other events', async () => {
    const from = eventsApp.eventCalls.length;
    expect(
      (
        await jira(asUser(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-1/transitions', {
          transition: { id: '31' },
        })
      ).status,
    ).toBe(204);
    await host.productEvents.whenIdle();
    expect(heard(from)).toEqual([['avi:jira:updated:issue', 'DEMO-1', ALEX_ADMIN.accountId]]);
    expect(eventsApp.eventCalls.at(-1)?.event.changelog).toEqual({
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
    });
    expect(eventsApp.deletedCalls).toEqual([]);
  });
});

describe('the issue page and the create form', () => {
  it('shows "Add a comment", the status control with the transitions, and the Create button', async () => {
    const { status, html } = await page('/browse/DEMO-5');
    expect(status).toBe(200);
    expect(html).toContain(
      '<a class="jl-button jl-button--primary jl-topbar__create" href="/secure/CreateIssue.jspa">Create</a>',
    );
    expect(html).toContain('<form class="jl-comment-form" method="post" action="/__host/jira/issue/DEMO-5/comment">');
    expect(html).toContain(
      '<label class="jl-visually-hidden" for="jl-comment-input">Comment</label> <textarea id="jl-comment-input" class="jl-textarea" name="comment" rows="3" required placeholder="Add a comment…"></textarea>',
    );
    expect(html).toContain('<button type="submit" class="jl-button jl-button--primary">Save</button>');
    expect(html).toContain('<form class="jl-status-form" method="post" action="/__host/jira/issue/DEMO-5/transition">');
    expect(html).toContain('aria-label="Status: To Do"');
    expect(html).toContain(
      '<div class="jl-menu__list" role="menu" id="jl-issue-status-menu" aria-label="Transitions" hidden>',
    );
    expect(
      html.match(/<button type="submit" role="menuitem" class="jl-menu__item" name="transition" value="(\d+)">/g),
    ).toEqual(['<button type="submit" role="menuitem" class="jl-menu__item" name="transition" value="21">']);
  });

  it('shows the status without a control to who may not transition the issue', async () => {
    const { html } = await page('/browse/DEMO-4', CASEY_CUSTOMER.accountId);
    expect(html).toContain('<span class="jl-status jl-status--done">Done</span>');
    expect(html).not.toContain('jl-status-form');
  });

  it('adds a comment as the signed-in user, shows it, and the app hears it', async () => {
    const from = eventsApp.eventCalls.length;
    const response = await postForm(
      '/__host/jira/issue/demo-5/comment',
      { comment: 'The new toner is on its way.\nSecond line' },
      SAM_AGENT.accountId,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/browse/DEMO-5');
    await host.productEvents.whenIdle();
    expect(heard(from)).toEqual([['avi:jira:commented:issue', 'DEMO-5', SAM_AGENT.accountId]]);
    expect(eventsApp.eventCalls.at(-1)?.event.comment).toMatchObject({
      author: { accountId: SAM_AGENT.accountId, accountType: 'atlassian', displayName: 'Sam Rivera' },
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The new toner is on its way.' },
              { type: 'hardBreak' },
              { type: 'text', text: 'Second line' },
            ],
          },
        ],
      },
    });
    const { html } = await page('/browse/DEMO-5');
    expect(html).toContain('Comments (1)');
    expect(html).toContain('<span class="jl-comment__author">Sam Rivera</span>');
    expect(html).toContain('The new toner is on its way.');
  });

  it('moves the issue as the signed-in user from the status control', async () => {
    const from = eventsApp.eventCalls.length;
    const response = await postForm(
      '/__host/jira/issue/DEMO-5/transition',
      { transition: '21' },
      JORDAN_MEMBER.accountId,
    );
    expect([response.status, response.headers.get('location')]).toEqual([303, '/browse/DEMO-5']);
    await host.productEvents.whenIdle();
    expect(heard(from)).toEqual([['avi:jira:updated:issue', 'DEMO-5', JORDAN_MEMBER.accountId]]);
    const { html } = await page('/browse/DEMO-5');
    expect(html).toContain('aria-label="Status: In Progress"');
    // Choosing the current status again changes nothing.
    const same = await postForm('/__host/jira/issue/DEMO-5/transition', { transition: '' });
    expect([same.status, same.headers.get('location')]).toEqual([303, '/browse/DEMO-5']);
    await host.productEvents.whenIdle();
    expect(heard(from)).toHaveLength(1);
  });

  it('offers the projects and issue types the user can see on the create form', async () => {
    const admin = await page('/secure/CreateIssue.jspa?project=OPS');
    expect(admin.status).toBe(200);
    expect(admin.html).toContain('<form class="jl-form" method="post" action="/__host/jira/issue">');
    expect(admin.html).toContain(
      '<label for="jl-create-project">Project</label> <select id="jl-create-project" name="project" required > <option value="DEMO" >Demo IT Support (DEMO)</option><option value="OPS" selected>IT Operations (OPS)</option> </select>',
    );
    expect(admin.html).toContain(
      '<label for="jl-create-issuetype">Issue type</label> <select id="jl-create-issuetype" name="issuetype" required > <option value="10004" >Bug</option><option value="10002" selected>Task</option><option value="10001" >Story</option> </select>',
    );
    expect(admin.html).toContain('<label for="jl-create-summary">Summary</label>');
    expect(admin.html).toContain('<label for="jl-create-description">Description</label>');
    expect(admin.html).toContain('<button type="submit" class="jl-button jl-button--primary">Create</button>');
    const member = await page('/secure/CreateIssue.jspa', JORDAN_MEMBER.accountId);
    expect(member.html).toContain('<option value="DEMO" >Demo IT Support (DEMO)</option>');
    expect(member.html).not.toContain('IT Operations');
  });

  it('creates an issue as the signed-in user and opens it; the app hears it', async () => {
    const from = eventsApp.eventCalls.length;
    const response = await postForm(
      '/__host/jira/issue',
      {
        project: 'OPS',
        issuetype: '10002',
        summary: 'Replace the UPS battery in rack B',
        description: 'The UPS beeps every night.',
      },
      SAM_AGENT.accountId,
    );
    expect([response.status, response.headers.get('location')]).toEqual([303, '/browse/OPS-3']);
    await host.productEvents.whenIdle();
    expect(heard(from)).toEqual([['avi:jira:created:issue', 'OPS-3', SAM_AGENT.accountId]]);
    const { status, html } = await page('/browse/OPS-3', SAM_AGENT.accountId);
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="jl-issue__summary" id="jl-summary">Replace the UPS battery in rack B</h1>');
    expect(html).toContain('The UPS beeps every night.');
  });

  it("shows Jira's refusal on the form, keeping what was typed", async () => {
    const response = await postForm('/__host/jira/issue', {
      project: 'DEMO',
      issuetype: '10002',
      summary: ' ',
      description: 'Kept <b>as typed</b>',
    });
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/\s+/g, ' ');
    expect(html).toContain(
      '<p class="jl-field__error" id="jl-create-summary-error">You must specify a summary of the issue.</p>',
    );
    expect(html).toContain('aria-describedby="jl-create-summary-error" aria-invalid="true"');
    expect(html).toContain('>Kept &lt;b&gt;as typed&lt;/b&gt;</textarea>');
    const forbidden = await postForm(
      '/__host/jira/issue',
      { project: 'DEMO', issuetype: '10002', summary: 'Mine' },
      CASEY_CUSTOMER.accountId,
    );
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain(
      '<div class="jl-form__banner" role="alert"><p>You do not have permission to create issues in this project.</p></div>',
    );
  });

  it.each([
    [
      'a comment on an issue the user cannot see',
      '/__host/jira/issue/OPS-1/comment',
      { comment: 'Hi' },
      JORDAN_MEMBER,
      404,
      "Your comment wasn't added",
      'Issue does not exist or you do not have permission to see it.',
    ],
    [
      'an empty comment',
      '/__host/jira/issue/DEMO-5/comment',
      { comment: '  ' },
      ALEX_ADMIN,
      400,
      "Your comment wasn't added",
      'Comment body can not be empty!',
    ],
    [
      'a transition by a customer',
      '/__host/jira/issue/DEMO-1/transition',
      { transition: '41' },
      CASEY_CUSTOMER,
      403,
      "The status wasn't changed",
      'You do not have permission to transition this issue.',
    ],
    [
      'a transition the status does not allow',
      '/__host/jira/issue/DEMO-2/transition',
      { transition: '41' },
      ALEX_ADMIN,
      400,
      "The status wasn't changed",
      "Transition id '41' is not valid for this issue.",
    ],
  ])(
    "answers %s with Jira's refusal on an error page",
    async (_what, pathname, fields, user, status, title, message) => {
      const before = host.productEvents.delivered();
      const response = await postForm(pathname, fields, user.accountId);
      expect(response.status).toBe(status);
      const html = (await response.text()).replace(/\s+/g, ' ');
      expect(html).toContain(`<h1>${title.replace("'", '&#39;')}</h1> <p>${message.replace(/'/g, '&#39;')}</p>`);
      await host.productEvents.whenIdle();
      expect(host.productEvents.delivered()).toBe(before);
    },
  );

  it.each([
    ['from another origin', { origin: 'https://evil.example' }, 403, 'CROSS_ORIGIN'],
    ['from another site', { 'sec-fetch-site': 'cross-site' }, 403, 'CROSS_SITE'],
    ['with a JSON body', { 'content-type': 'application/json' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('refuses a form post %s', async (_what, headers, status, code) => {
    const before = host.productEvents.delivered();
    const response = await postForm(
      '/__host/jira/issue/DEMO-5/comment',
      { comment: 'Sneaky' },
      ALEX_ADMIN.accountId,
      headers,
    );
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
    await host.productEvents.whenIdle();
    expect(host.productEvents.delivered()).toBe(before);
  });

  it('answers GET on a form endpoint with 405 and an unknown one with 404', async () => {
    const get = await fetch(`${host.url}/__host/jira/issue/DEMO-5/comment`);
    expect([get.status, await get.json()]).toEqual([
      405,
      { code: 'METHOD_NOT_ALLOWED', message: '/__host/jira/issue/DEMO-5/comment takes POST.' },
    ]);
    const unknown = await postForm('/__host/jira/issue/DEMO-5/vote', {});
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { code: 'PAGE_NOT_FOUND', message: 'There is no form at /__host/jira/issue/DEMO-5/vote.' },
    ]);
  });

  it('logged nothing about the deliveries, which all succeeded', () => {
    expect(logLines.filter((line) => line.startsWith('Trigger '))).toEqual([]);
  });
});
