import type { AutomationRun } from '../../../../local/host';
import { BRIDGE_SCRIPT_TAG } from '../../../../local/host/server/resource-files';
import { PAGE_CSP } from '../../../../local/jira/web';
import { admin, auditRows, host, issues, logLines, member, squash } from './automation-host-fixtures';
import * as automationApp from './fixtures/automation-app';

const ISO_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

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
});
