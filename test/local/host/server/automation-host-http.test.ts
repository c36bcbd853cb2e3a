import type { AutomationRun } from '../../../../local/host';
import { MAX_RUNS } from '../../../../local/host/server/automation/automation-rules';
import { admin, auditRows, host, postJson, squash } from './automation-host-fixtures';
import * as automationApp from './fixtures/automation-app';

describe('Automation rules in the local host', () => {
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
