import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { handler as emailWorker } from '../../../src/consumers/email-worker';
import { OUTBOX_QUEUE_KEY } from '../../../src/outbox/outbox-queue';
import { WORKER_TIME_LIMIT_SECONDS } from '../../../src/outbox/worker-limits';
import { handler as adminResolver } from '../../../src/resolvers/admin-resolver';
import { handler as issueActionResolver } from '../../../src/resolvers/issue-action-resolver';

interface Manifest {
  modules: {
    function: Array<{ key: string; handler: string; timeoutSeconds?: number }>;
    scheduledTrigger: unknown[];
    consumer: unknown[];
    trigger: unknown[];
    action: Array<{
      key: string;
      function: string;
      resolver: { function: string };
      config: { resource: string };
      inputs: Record<string, { required: boolean }>;
    }>;
    'automation:actionProvider': unknown[];
  };
}

const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as Manifest;

// Each function's entry file and export (one file per function) are asserted in test/tooling/entry-points.test.ts.
describe("manifest.yml's functions and their entry points", () => {
  it('names the daily expiry check, the hourly email log upkeep and the five-minute incoming upkeep as scheduled triggers', () => {
    expect(manifest.modules.scheduledTrigger).toEqual([
      { key: 'credential-expiry-check', function: 'expiry-check', interval: 'day' },
      { key: 'email-log-upkeep', function: 'email-upkeep', interval: 'hour' },
      { key: 'incoming-mail-upkeep', function: 'incoming-upkeep', interval: 'fiveMinute' },
    ]);
    expect(manifest.modules.function).toContainEqual({
      key: 'expiry-check',
      handler: 'triggers/credential-expiry-check.handler',
    });
    expect(manifest.modules.function).toContainEqual({
      key: 'email-upkeep',
      handler: 'triggers/email-log-upkeep.handler',
      timeoutSeconds: 300,
    });
  });

  it('hears Jira issue events for notification rules, never the ones the app caused (ignoreSelf)', () => {
    expect(manifest.modules.trigger).toEqual([
      {
        key: 'issue-event-notifications',
        function: 'issue-events',
        events: [
          'avi:jira:created:issue',
          'avi:jira:commented:issue',
          'avi:jira:updated:issue',
          'avi:jira:assigned:issue',
          'avi:jira:created:attachment',
        ],
        filter: { ignoreSelf: true },
      },
    ]);
    expect(manifest.modules.function).toContainEqual({
      key: 'issue-events',
      handler: 'triggers/issue-events.handler',
    });
  });

  it('offers "Send issue email" to Jira Automation with its configuration form and the inputs the action reads', () => {
    expect(manifest.modules['automation:actionProvider']).toEqual([
      { key: 'issue-mailer-actions', actions: ['send-issue-email'] },
    ]);
    const [action] = manifest.modules.action;
    expect(action).toMatchObject({
      key: 'send-issue-email',
      function: 'automation-send-email',
      resolver: { function: 'automation-config' },
      config: { resource: 'automation-action' },
    });
    expect(Object.entries(action?.inputs ?? {}).map(([name, input]) => [name, input.required])).toEqual([
      ['issueKey', true],
      ['recipients', true],
      ['template', false],
      ['mailbox', false],
      ['message', false],
    ]);
    expect(manifest.modules.function).toContainEqual({
      key: 'automation-send-email',
      handler: 'resolvers/automation-action.handler',
    });
    expect(manifest.modules.function).toContainEqual({
      key: 'automation-config',
      handler: 'resolvers/automation-config.handler',
    });
  });

  it("has each queue's consumer invoke its worker's entry point (the outbox's with the worker's time limit)", () => {
    expect(manifest.modules.consumer).toEqual([
      { key: 'email-outbox-consumer', queue: OUTBOX_QUEUE_KEY, function: 'email-worker' },
      { key: 'incoming-mail-consumer', queue: 'incoming-mail', function: 'incoming-worker' },
    ]);
    expect(manifest.modules.function).toContainEqual({
      key: 'email-worker',
      handler: 'consumers/email-worker.handler',
      timeoutSeconds: WORKER_TIME_LIMIT_SECONDS,
    });
  });

  it('the email worker reads the AsyncEvent: drops an event that is not an outbox job, asks the platform to retry a job it could not settle', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const deliver = (body: unknown) =>
        emailWorker(
          { body: body, queueName: OUTBOX_QUEUE_KEY, jobId: 'job-1', eventId: 'event-1' },
          { installContext: 'ari:cloud:jira::site/1' },
        );
      await expect(deliver({ emailId: 'nope' })).resolves.toEqual({ outcome: 'invalid-job' });
      // Without the Forge runtime the email log cannot be read: the event is handed back for a later delivery.
      await expect(deliver({ emailId: '00000000-0000-4000-8000-000000000001', ticket: 't-1' })).resolves.toEqual({
        _retry: true,
        retryOptions: { retryAfter: 10, retryReason: 'FUNCTION_RETRY_REQUEST' },
      });
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    [
      'adminResolver',
      [
        'listCredentials',
        'saveCredential',
        'saveGoogleCredential',
        'deleteCredential',
        'testConnection',
        'setDefaultCredential',
        'listWarnings',
        'listTemplates',
        'saveTemplate',
        'deleteTemplate',
        'previewTemplate',
        'getMailSettings',
        'saveMailSettings',
        'searchGroups',
        'listProjectRoles',
        'listProjects',
        'listEmailLog',
        'getEmailLogEntry',
        'resendEmail',
        'getEmailLogSettings',
        'saveEmailLogSettings',
      ],
    ],
    [
      'issueActionResolver',
      ['getEmailDraft', 'searchPeople', 'previewIssueEmail', 'sendIssueEmail', 'getEmailStatus', 'listEmailHistory'],
    ],
  ] as const)('%s defines %j and nothing else', async (handler, keys) => {
    const invoke = { adminResolver, issueActionResolver }[handler];
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const functionKey of keys) {
        // Without the Forge runtime every platform call fails: the function exists and answers INTERNAL_ERROR.
        const answer = await invoke(
          { call: { functionKey, payload: {} }, context: {} },
          { installContext: 'ari:cloud:jira::site/1' },
        );
        expect(answer).toMatchObject({ ok: false });
      }
      await expect(
        invoke({ call: { functionKey: 'nope', payload: {} }, context: {} }, { installContext: 'x' }),
      ).rejects.toThrow("Resolver has no definition for 'nope'.");
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });
});
