import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import * as backend from '../../../src/index';
import { OUTBOX_QUEUE_KEY } from '../../../src/outbox/outbox-queue';
import { WORKER_TIME_LIMIT_SECONDS } from '../../../src/outbox/worker-limits';

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

describe('src/index.ts', () => {
  it("exports exactly the handlers manifest.yml's functions name", () => {
    const handlers = manifest.modules.function.map((fn) => fn.handler.replace(/^index\./, '')).sort();
    expect(Object.keys(backend).sort()).toEqual(handlers);
    for (const name of handlers) expect(typeof (backend as Record<string, unknown>)[name]).toBe('function');
  });

  it('names the daily expiry check and the hourly email log upkeep as scheduled triggers', () => {
    expect(manifest.modules.scheduledTrigger).toEqual([
      { key: 'credential-expiry-check', function: 'expiry-check', interval: 'day' },
      { key: 'email-log-upkeep', function: 'email-upkeep', interval: 'hour' },
    ]);
    expect(manifest.modules.function).toContainEqual({ key: 'expiry-check', handler: 'index.credentialExpiryCheck' });
    expect(manifest.modules.function).toContainEqual({
      key: 'email-upkeep',
      handler: 'index.emailLogUpkeep',
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
    expect(manifest.modules.function).toContainEqual({ key: 'issue-events', handler: 'index.issueEvents' });
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
      handler: 'index.automationSendEmail',
    });
    expect(manifest.modules.function).toContainEqual({ key: 'automation-config', handler: 'index.automationConfig' });
  });

  it("has the outbox queue's consumer invoke the emailWorker function, with the worker's time limit", () => {
    expect(manifest.modules.consumer).toEqual([
      { key: 'email-outbox-consumer', queue: OUTBOX_QUEUE_KEY, function: 'email-worker' },
    ]);
    expect(manifest.modules.function).toContainEqual({
      key: 'email-worker',
      handler: 'index.emailWorker',
      timeoutSeconds: WORKER_TIME_LIMIT_SECONDS,
    });
  });

  it('emailWorker reads the AsyncEvent: drops an event that is not an outbox job, asks the platform to retry a job it could not settle', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const deliver = (body: unknown) =>
        backend.emailWorker(
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
    const invoke = backend[handler];
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
