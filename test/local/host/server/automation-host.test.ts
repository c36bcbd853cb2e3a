import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type AutomationRun, type LocalHost, startLocalHost } from '../../../../local/host';
import { MAX_RUNS } from '../../../../local/host/server/automation/automation-rules';
import { BRIDGE_SCRIPT_TAG } from '../../../../local/host/server/resource-files';
import { PAGE_CSP } from '../../../../local/jira/web';
import * as automationApp from './fixtures/automation-app';

jest.setTimeout(60_000);

let dataDir: string;
let host: LocalHost;
const logLines: string[] = [];
let admin: { accountId: string; displayName: string };
let member: { accountId: string; displayName: string };
const issues = new Map<string, { id: string; summary: string }>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-automation-'));
  host = await startLocalHost({
    port: 0,
    dataDir,
    log: (line) => logLines.push(line),
    app: { manifestPath: path.join(__dirname, 'fixtures/automation-manifest.yml'), entry: automationApp },
  });
  const users = host.jira.users();
  admin = users.find((user) => user.isAdmin)!;
  member = users.find((user) => !user.isAdmin)!;
  for (const key of ['DEMO-1', 'DEMO-2']) {
    const response = await fetch(`${host.url}/rest/api/3/issue/${key}?fields=summary`);
    const issue = (await response.json()) as { id: string; fields: { summary: string } };
    issues.set(key, { id: issue.id, summary: issue.fields.summary });
  }
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  automationApp.echoCalls.length = 0;
});

const ISO_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

const postJson = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url, ...headers },
    body: JSON.stringify(body),
  });

const squash = (html: string) => html.replace(/\s+/g, ' ');

/** The audit log rows of the page as [issue, outcome, details]. */
const auditRows = (html: string): string[][] => {
  const body = /<tbody data-automation="runs">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return Array.from(body.matchAll(/<tr data-run-id="\d+">([\s\S]*?)<\/tr>/g)).map((row) =>
    Array.from((row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g))
      .slice(1)
      .map((cell) => squash((cell[1] ?? '').replace(/<[^>]+>/g, ' ')).trim()),
  );
};

describe('Automation rules in the local host', () => {
  it('runs the action with its smart values resolved against the trigger issue, as the current user', async () => {
    const demo1 = issues.get('DEMO-1')!;
    const run = await host.runAutomationAction({
      issueKey: 'demo-1',
      inputs: {
        issueKey: '{{issue.key}}',
        note: 'About {{ issue.summary }} ({{issue.id}}){{issue.fields.unknown}}!',
        count: '{{issue.id}}',
      },
    });
    const payload = { issueKey: 'DEMO-1', note: `About ${demo1.summary} (${demo1.id})!`, count: Number(demo1.id) };
    expect(run).toEqual<AutomationRun>({
      id: 1,
      at: ISO_TIME,
      actionKey: 'echo-action',
      issueKey: 'DEMO-1',
      accountId: admin.accountId,
      outcome: 'success',
      messages: [],
      payload,
      answer: { success: true, payload, accountId: admin.accountId, me: admin.accountId },
    });
    expect(automationApp.echoCalls).toEqual([{ payload, accountId: admin.accountId, me: admin.accountId }]);
  });

  it("acts as the rule's actor: asUser() is that user", async () => {
    const run = await host.runAutomationAction({
      actionKey: 'echo-action',
      issueKey: 'DEMO-2',
      inputs: { issueKey: 'DEMO-2' },
      accountId: member.accountId,
    });
    expect(run).toMatchObject({ outcome: 'success', accountId: member.accountId, payload: { issueKey: 'DEMO-2' } });
    expect(automationApp.echoCalls).toEqual([
      { payload: { issueKey: 'DEMO-2' }, accountId: member.accountId, me: member.accountId },
    ]);
  });

  it.each([
    ['a missing required input', {}, ['Issue is required']],
    ['a blank required input', { issueKey: '  ', note: 'x' }, ['Issue is required']],
    [
      'an input the action does not declare',
      { issueKey: 'DEMO-1', extra: 'x' },
      ['extra is not an input of Echo issue'],
    ],
    [
      'a number input whose smart value is not a number',
      { issueKey: 'DEMO-1', count: '{{issue.key}}' },
      ['Count must be a whole number'],
    ],
  ])('stops at %s as a configuration error, without calling the app', async (_what, inputs, messages) => {
    const run = await host.runAutomationAction({ issueKey: 'DEMO-1', inputs });
    expect(run).toEqual({
      id: expect.any(Number),
      at: ISO_TIME,
      actionKey: 'echo-action',
      issueKey: 'DEMO-1',
      accountId: admin.accountId,
      outcome: 'configuration-error',
      messages,
    });
    expect(automationApp.echoCalls).toEqual([]);
  });

  it('fails the rule with each message of an errors answer', async () => {
    const run = await host.runAutomationAction({
      actionKey: 'failing-action',
      issueKey: 'DEMO-1',
      inputs: { reason: 'for {{issue.key}}' },
    });
    expect(run).toMatchObject({
      outcome: 'failure',
      payload: { reason: 'for DEMO-1' },
      messages: [
        'Refused: for DEMO-1',
        'The action reported an error without a message.',
        'The action reported an error without a message.',
      ],
    });
    expect(run.answer).toBeUndefined();
  });

  it("fails the rule with a generic message when the action throws, never the exception's text", async () => {
    const run = await host.runAutomationAction({ actionKey: 'throwing-action', issueKey: 'DEMO-1', inputs: {} });
    expect(run).toMatchObject({ outcome: 'failure', messages: ['The action threw an error.'], payload: {} });
    expect(logLines.at(-1)).toBe('Automation action throwing-action failed (FixtureActionError FIXTURE_CRASH).');
    expect(JSON.stringify(run)).not.toContain('hunter2');
    expect(logLines.join('\n')).not.toContain('hunter2');
  });

  it.each([
    [{ issueKey: 'DEMO-999', inputs: {} }, 'ISSUE_NOT_FOUND', 'Issue DEMO-999 does not exist, or '],
    [{ issueKey: 'not a key', inputs: {} }, 'ISSUE_NOT_FOUND', 'Issue NOT A KEY does not exist, or '],
    [
      { actionKey: 'unlisted-action', issueKey: 'DEMO-1', inputs: {} },
      'UNKNOWN_ACTION',
      'The app has no Automation action unlisted-action.',
    ],
    [{ issueKey: 'DEMO-1', inputs: {}, accountId: 'nobody' }, 'UNKNOWN_USER', 'No user has the account id nobody.'],
  ])('refuses to run %j', async (options, code, message) => {
    const before = automationApp.echoCalls.length;
    const failure = await host.runAutomationAction(options).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 404, code });
    expect((failure as Error).message.startsWith(message)).toBe(true);
    expect(automationApp.echoCalls).toHaveLength(before);
  });

  it('serves /automation: the rule, its form in a frame with the bridge, the buttons and the audit log', async () => {
    const response = await fetch(`${host.url}/automation`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const html = squash(await response.text());
    expect(html).toContain('<title>Automation - Jira</title>');
    expect(html).toContain('<a class="jl-topnav__link" href="/automation" aria-current="page">Automation</a>');
    expect(html).toContain('data-automation-rule data-action-key="echo-action"');
    expect(html).toContain('data-configuration="{&quot;inputs&quot;:{},&quot;invalidInputs&quot;:{}}"');
    expect(html).toContain('<label for="automation-action">Action</label>');
    expect(html).toContain(
      '<option value="echo-action" selected>Echo issue</option><option value="failing-action" >Refuse</option><option value="throwing-action" >Crash</option>',
    );
    expect(html).toContain('<label for="automation-issue">Trigger issue</label>');
    expect(html).toContain(`<option value="DEMO-1">DEMO-1: ${issues.get('DEMO-1')!.summary}</option>`);
    expect(html).toContain(
      '<iframe class="jl-automation__frame" title="Echo issue configuration" data-forge-frame data-action-config data-src="/forge/resources/echo-form/index.html?moduleKey=echo-action&amp;actionConfig=1" data-module-key="echo-action" data-resource-key="echo-form" ></iframe>',
    );
    expect(html).toContain('<button type="button" class="jl-button" data-automation="save">Save</button>');
    expect(html).toContain(
      '<button type="button" class="jl-button jl-automation__run" data-automation="run">Run rule</button>',
    );
    expect(html).toContain('<h2 class="jl-section-title" id="automation-audit-log">Audit log</h2>');

    // The echo action's runs so far, newest first.
    expect(auditRows(html)).toEqual([
      ['DEMO-1', 'Configuration error', 'Count must be a whole number'],
      ['DEMO-1', 'Configuration error', 'extra is not an input of Echo issue'],
      ['DEMO-1', 'Configuration error', 'Issue is required'],
      ['DEMO-1', 'Configuration error', 'Issue is required'],
      ['DEMO-2', 'Success', 'No errors'],
      ['DEMO-1', 'Success', 'No errors'],
    ]);
    expect(html).toContain('<p class="jl-empty-text" data-automation="no-runs" hidden>The rule has not run yet.</p>');

    const frame = await fetch(`${host.url}/forge/resources/echo-form/index.html?moduleKey=echo-action&actionConfig=1`);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain(BRIDGE_SCRIPT_TAG);
  });

  it('shows another action by ?action=, and says when it has no form', async () => {
    const html = squash(await (await fetch(`${host.url}/automation?action=throwing-action`)).text());
    expect(html).toContain('<h2 id="automation-rule-title">Rule: Crash</h2>');
    expect(html).toContain('<p class="jl-empty-text">The action has no configuration form.</p>');
    expect(auditRows(html)).toEqual([['DEMO-1', 'Failure', 'The action threw an error.']]);
    expect((await fetch(`${host.url}/automation?action=nope`)).status).toBe(404);
  });

  it('links the rules from the home page', async () => {
    const html = squash(await (await fetch(`${host.url}/`)).text());
    expect(html).toContain('<h2 id="card-automation">Automation</h2>');
    expect(html).toContain(
      '<li><a href="/automation?action=echo-action">Echo issue</a></li><li><a href="/automation?action=failing-action">Refuse</a></li><li><a href="/automation?action=throwing-action">Crash</a></li>',
    );
  });

  it('runs the rule on "Run rule" over HTTP and answers the audit log line', async () => {
    const response = await postJson('/__host/automation/run', {
      actionKey: 'echo-action',
      issueKey: 'DEMO-2',
      inputs: { issueKey: '{{issue.key}}' },
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { run: AutomationRun; outcome: string; rowHtml: string };
    expect(answer.run).toMatchObject({
      actionKey: 'echo-action',
      issueKey: 'DEMO-2',
      outcome: 'success',
      payload: { issueKey: 'DEMO-2' },
    });
    expect(answer.outcome).toBe('Success');
    expect(auditRows(`<tbody data-automation="runs">${answer.rowHtml}</tbody>`)).toEqual([
      ['DEMO-2', 'Success', 'No errors'],
    ]);
    expect(answer.rowHtml).toContain(`<tr data-run-id="${answer.run.id}">`);
    expect(automationApp.echoCalls).toHaveLength(1);

    const page = await (await fetch(`${host.url}/automation`)).text();
    expect(auditRows(page)[0]).toEqual(['DEMO-2', 'Success', 'No errors']);
  });

  it.each([
    [{ origin: 'https://evil.example' }, 403, 'CROSS_ORIGIN'],
    [{ 'sec-fetch-site': 'cross-site' }, 403, 'CROSS_SITE'],
  ])('refuses "Run rule" from another site (%j)', async (headers, status, code) => {
    const response = await postJson(
      '/__host/automation/run',
      { issueKey: 'DEMO-1', inputs: { issueKey: 'DEMO-1' } },
      headers,
    );
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
    expect(automationApp.echoCalls).toEqual([]);
  });

  it.each([
    [
      '/__host/automation/run',
      { inputs: {} },
      400,
      { code: 'BAD_REQUEST', message: 'Run rule: issueKey: Invalid input: expected string, received undefined' },
    ],
    [
      '/__host/automation/run',
      { issueKey: 'DEMO-9999', inputs: {} },
      404,
      { code: 'ISSUE_NOT_FOUND', message: expect.stringContaining('Issue DEMO-9999 does not exist') },
    ],
    [
      '/__host/automation/config',
      { actionKey: 'echo-action', inputs: { issueKey: ['x'] } },
      400,
      { code: 'BAD_REQUEST', message: expect.stringMatching(/^Save: inputs\.issueKey: /) },
    ],
    [
      '/__host/automation/config',
      { actionKey: 'gone', inputs: {} },
      404,
      { code: 'UNKNOWN_ACTION', message: 'The app has no Automation action gone.' },
    ],
  ])('answers POST %s %j with %d', async (pathname, body, status, answer) => {
    const response = await postJson(pathname, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(answer);
  });

  it('answers GET on the rule calls with 405', async () => {
    const response = await fetch(`${host.url}/__host/automation/run`);
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({
      code: 'METHOD_NOT_ALLOWED',
      message: '/__host/automation/run takes POST.',
    });
  });

  it("keeps the form's configuration on Save, with Automation's invalidInputs for its getContext", async () => {
    const refused = await postJson('/__host/automation/config', {
      actionKey: 'echo-action',
      inputs: { issueKey: '', note: 'Hello' },
    });
    expect(await refused.json()).toEqual({
      saved: false,
      invalidInputs: { issueKey: { message: 'Issue is required' } },
    });

    const context = (await (await postJson('/__forge/context', { moduleKey: 'echo-action' })).json()) as Record<
      string,
      unknown
    >;
    expect(context).toMatchObject({
      accountId: admin.accountId,
      moduleKey: 'echo-action',
      extension: {
        type: 'action',
        data: { inputs: { issueKey: '', note: 'Hello' } },
        errors: { invalidInputs: { issueKey: { message: 'Issue is required' } } },
      },
    });
    const page = squash(await (await fetch(`${host.url}/automation`)).text());
    expect(page).toContain(
      'data-configuration="{&quot;inputs&quot;:{&quot;issueKey&quot;:&quot;&quot;,&quot;note&quot;:&quot;Hello&quot;},&quot;invalidInputs&quot;:{&quot;issueKey&quot;:{&quot;message&quot;:&quot;Issue is required&quot;}}}"',
    );

    const saved = await postJson('/__host/automation/config', {
      actionKey: 'echo-action',
      inputs: { issueKey: '{{issue.key}}', count: 3 },
    });
    expect(await saved.json()).toEqual({ saved: true, invalidInputs: {} });
    const after = (await (await postJson('/__forge/context', { moduleKey: 'echo-action' })).json()) as {
      extension: unknown;
    };
    expect(after.extension).toEqual({
      type: 'action',
      data: { inputs: { issueKey: '{{issue.key}}', count: 3 } },
      errors: { invalidInputs: {} },
    });
  });

  it("sends the form's invoke to the action's resolver with the action as the module", async () => {
    const response = await postJson('/__forge/invoke', {
      moduleKey: 'echo-action',
      functionKey: 'getActionOptions',
      payload: { a: 1 },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      data: {
        functionKey: 'getActionOptions',
        payload: { a: 1 },
        moduleKey: 'echo-action',
        extension: { type: 'action' },
        accountId: admin.accountId,
      },
    });
    const none = await postJson('/__forge/invoke', {
      moduleKey: 'failing-action',
      functionKey: 'getActionOptions',
      payload: {},
    });
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({
      code: 'NO_RESOLVER',
      message: 'Action failing-action has no resolver to invoke.',
    });
  });

  it(`keeps the last ${MAX_RUNS} runs`, async () => {
    for (let run = 0; run < MAX_RUNS + 3; run += 1) {
      await host.runAutomationAction({
        actionKey: 'failing-action',
        issueKey: 'DEMO-1',
        inputs: { reason: String(run) },
      });
    }
    const failing = await (await fetch(`${host.url}/automation?action=failing-action`)).text();
    const rows = auditRows(failing);
    expect(rows).toHaveLength(MAX_RUNS);
    expect(rows[0]?.[2]).toContain(`Refused: ${MAX_RUNS + 2}`);
    expect(rows.at(-1)?.[2]).toContain('Refused: 3');
    // The older runs of the other actions have gone too.
    const echo = await (await fetch(`${host.url}/automation?action=echo-action`)).text();
    expect(auditRows(echo)).toEqual([]);
    expect(squash(echo)).toContain('<p class="jl-empty-text" data-automation="no-runs" >The rule has not run yet.</p>');
  });
});
