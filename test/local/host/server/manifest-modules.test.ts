import path from 'node:path';

import {
  resolveHandlers,
  resolveProductTriggerHandlers,
  resolveTriggerHandlers,
} from '../../../../local/host/server/app-handlers';
import { loadAppManifest, ManifestError } from '../../../../local/host/server/manifest-modules';
import { useTempManifests } from './fixtures/temp-manifest';

const MANIFEST = path.resolve(__dirname, '../../../../manifest.yml');

describe('loadAppManifest', () => {
  it("reads the project's manifest.yml", async () => {
    const manifest = await loadAppManifest(MANIFEST);
    expect(manifest.appId).toBe('ari:cloud:ecosystem::app/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect([...manifest.modules.values()]).toEqual([
      {
        key: 'issue-mailer-admin',
        type: 'jira:adminPage',
        title: 'Issue Mailer',
        resourceKey: 'admin',
        resolverFunctionKey: 'admin-resolver',
        viewportSize: undefined,
        displayConditions: undefined,
      },
      {
        key: 'email-this-issue',
        type: 'jira:issueAction',
        title: 'Email this issue',
        resourceKey: 'issue-action',
        resolverFunctionKey: 'issue-action-resolver',
        viewportSize: 'large',
        // Customers, who may not browse users, do not see it (issue 12, item 18).
        displayConditions: { hasGlobalPermission: 'USER_PICKER' },
      },
    ]);
    // read:jira-work allows offline impersonation: the worker reads attachments as the person who chose them.
    expect(manifest.allowImpersonation).toBe(true);
    // Forge's default memory for every function, none of which asks for another.
    expect(new Set(manifest.memoryMB.values())).toEqual(new Set([512]));
    expect([...manifest.resources]).toEqual([
      ['admin', 'static/admin/dist'],
      ['issue-action', 'static/issue-action/dist'],
      ['automation-action', 'static/automation-action/dist'],
    ]);
    expect([...manifest.functions]).toEqual([
      ['admin-resolver', 'resolvers/admin-resolver.handler'],
      ['issue-action-resolver', 'resolvers/issue-action-resolver.handler'],
      ['expiry-check', 'triggers/credential-expiry-check.handler'],
      ['email-worker', 'consumers/email-worker.handler'],
      ['email-upkeep', 'triggers/email-log-upkeep.handler'],
      ['issue-events', 'triggers/issue-events.handler'],
      ['automation-send-email', 'resolvers/automation-action.handler'],
      ['automation-config', 'resolvers/automation-config.handler'],
      ['notification-receiver', 'triggers/graph-notifications.handler'],
      ['incoming-worker', 'consumers/incoming-worker.handler'],
      ['incoming-upkeep', 'triggers/incoming-upkeep.handler'],
      ['sign-in-receiver', 'triggers/oauth-callback.handler'],
    ]);
    expect(manifest.productTriggers).toEqual([
      {
        key: 'issue-event-notifications',
        functionKey: 'issue-events',
        events: [
          { eventType: 'avi:jira:created:issue', ignoreSelf: true },
          { eventType: 'avi:jira:commented:issue', ignoreSelf: true },
          { eventType: 'avi:jira:updated:issue', ignoreSelf: true },
          { eventType: 'avi:jira:assigned:issue', ignoreSelf: true },
          { eventType: 'avi:jira:created:attachment', ignoreSelf: true },
        ],
        timeoutSeconds: undefined,
      },
    ]);
    expect(manifest.scheduledTriggers).toEqual([
      { key: 'credential-expiry-check', functionKey: 'expiry-check', interval: 'day', timeoutSeconds: undefined },
      { key: 'email-log-upkeep', functionKey: 'email-upkeep', interval: 'hour', timeoutSeconds: 300 },
      {
        key: 'incoming-mail-upkeep',
        functionKey: 'incoming-upkeep',
        interval: 'fiveMinute',
        timeoutSeconds: undefined,
      },
    ]);
    expect(manifest.consumers).toEqual([
      { key: 'email-outbox-consumer', queue: 'email-outbox', functionKey: 'email-worker', timeoutSeconds: 300 },
      { key: 'incoming-mail-consumer', queue: 'incoming-mail', functionKey: 'incoming-worker', timeoutSeconds: 300 },
    ]);
    expect(manifest.entities.map((entity) => [entity.name, entity.indexes])).toEqual([
      [
        'outbox-email',
        [
          'createdAt',
          { name: 'by-status', partition: ['status'], range: ['createdAt'] },
          { name: 'by-issue', partition: ['issueKey'], range: ['createdAt'] },
        ],
      ],
      ['mailbox-pace', []],
      [
        'incoming-message',
        [
          'createdAt',
          { name: 'by-status', partition: ['status'], range: ['createdAt'] },
          { name: 'by-handler', partition: ['handlerId'], range: ['createdAt'] },
          { name: 'by-sender', partition: ['sender'], range: ['createdAt'] },
        ],
      ],
    ]);
    // Times in milliseconds are floats: an integer attribute holds 32 bits only.
    expect(manifest.entities.find((entity) => entity.name === 'outbox-email')?.attributes['createdAt']).toEqual({
      type: 'float',
    });
  });

  describe('scheduled triggers', () => {
    const manifests = useTempManifests('manifest-triggers-');
    const load = (modules: string) => manifests.load(`app: { id: x }\nmodules:\n${modules}`);

    it("reads each trigger with its interval and its function's timeoutSeconds", async () => {
      const { result } = await load(
        [
          '  scheduledTrigger:',
          '    - { key: weekly-report, function: report, interval: week }',
          '    - { key: sync, function: sync-fn, interval: fiveMinute }',
          '  function:',
          '    - { key: report, handler: index.report, timeoutSeconds: 900 }',
          '    - { key: sync-fn, handler: index.sync }',
          '',
        ].join('\n'),
      );
      expect(result).toMatchObject({
        scheduledTriggers: [
          { key: 'weekly-report', functionKey: 'report', interval: 'week', timeoutSeconds: 900 },
          { key: 'sync', functionKey: 'sync-fn', interval: 'fiveMinute', timeoutSeconds: undefined },
        ],
      });
    });

    it.each([
      [
        'an unknown function',
        '  scheduledTrigger:\n    - { key: t, function: nope, interval: day }\n',
        'scheduled trigger t names unknown function nope.',
      ],
      [
        'an interval Forge does not have',
        '  scheduledTrigger:\n    - { key: t, function: f, interval: minute }\n  function:\n    - { key: f, handler: index.f }\n',
        'modules.scheduledTrigger.0.interval: Invalid option: expected one of "fiveMinute"|"hour"|"day"|"week"',
      ],
      [
        'a key that cannot be a module key',
        '  scheduledTrigger:\n    - { key: "t/x", function: f, interval: day }\n  function:\n    - { key: f, handler: index.f }\n',
        'modules.scheduledTrigger.0.key: Invalid string: must match pattern /^[a-zA-Z0-9_-]+$/',
      ],
      [
        'timeoutSeconds over 900',
        '  scheduledTrigger:\n    - { key: t, function: f, interval: day }\n  function:\n    - { key: f, handler: index.f, timeoutSeconds: 901 }\n',
        'modules.function.0.timeoutSeconds: Too big: expected number to be <=900',
      ],
    ])('refuses %s', async (_case, modules, message) => {
      const { file, result } = await load(modules);
      expect(result).toBeInstanceOf(ManifestError);
      expect((result as ManifestError).message).toBe(`${file}: ${message}`);
    });
  });

  describe('with a broken manifest', () => {
    const manifests = useTempManifests('manifest-');

    it.each([
      [
        'an unknown resource',
        'app: { id: x }\nmodules:\n  jira:adminPage:\n    - { key: a, resource: nope, title: A }\nresources: []\n',
        'module a names unknown resource nope.',
      ],
      [
        'an unknown function',
        'app: { id: x }\nmodules:\n  jira:adminPage:\n    - { key: a, resource: r, title: A, resolver: { function: f } }\nresources:\n  - { key: r, path: p }\n',
        'module a names unknown function f.',
      ],
      ['no app id', 'modules: {}\n', 'app: Invalid input: expected object, received undefined'],
    ])('refuses %s', async (_case, yaml, message) => {
      const { file, result: error } = await manifests.load(yaml);
      expect(error).toBeInstanceOf(ManifestError);
      expect((error as ManifestError).message).toBe(`${file}: ${message}`);
    });
  });
});

describe('resolveHandlers', () => {
  /** Handler files as the app has them: one per function, each exporting `handler`. */
  const filesOf =
    (files: Record<string, unknown>) =>
    (file: string): Record<string, unknown> =>
      file in files ? { handler: files[file] } : {};

  it('maps each function to the `handler` export of its own entry file, as the manifest names it', async () => {
    const manifest = await loadAppManifest(MANIFEST);
    const adminResolver = async () => 'admin';
    const issueActionResolver = async () => 'issue';
    const credentialExpiryCheck = async () => undefined;
    const emailWorker = async () => undefined;
    const emailLogUpkeep = async () => undefined;
    const issueEvents = async () => undefined;
    const automationSendEmail = async () => undefined;
    const automationConfig = async () => undefined;
    const notificationReceiver = async () => undefined;
    const incomingWorker = async () => undefined;
    const incomingUpkeep = async () => undefined;
    const oauthCallback = async () => undefined;
    const files = filesOf({
      'resolvers/admin-resolver': adminResolver,
      'resolvers/issue-action-resolver': issueActionResolver,
      'triggers/credential-expiry-check': credentialExpiryCheck,
      'consumers/email-worker': emailWorker,
      'triggers/email-log-upkeep': emailLogUpkeep,
      'triggers/issue-events': issueEvents,
      'resolvers/automation-action': automationSendEmail,
      'resolvers/automation-config': automationConfig,
      'triggers/graph-notifications': notificationReceiver,
      'consumers/incoming-worker': incomingWorker,
      'triggers/incoming-upkeep': incomingUpkeep,
      'triggers/oauth-callback': oauthCallback,
    });
    const handlers = resolveHandlers(manifest, files);
    expect([...handlers]).toEqual([
      ['admin-resolver', adminResolver],
      ['issue-action-resolver', issueActionResolver],
      ['expiry-check', credentialExpiryCheck],
      ['email-worker', emailWorker],
      ['email-upkeep', emailLogUpkeep],
      ['issue-events', issueEvents],
      ['automation-send-email', automationSendEmail],
      ['automation-config', automationConfig],
      ['notification-receiver', notificationReceiver],
      ['incoming-worker', incomingWorker],
      ['incoming-upkeep', incomingUpkeep],
      ['sign-in-receiver', oauthCallback],
    ]);
    expect([...resolveProductTriggerHandlers(manifest, files)]).toEqual([['issue-events', issueEvents]]);
  });

  it("maps each scheduled trigger's function to its export", async () => {
    const manifest = await loadAppManifest(MANIFEST);
    const credentialExpiryCheck = async () => undefined;
    const emailLogUpkeep = async () => undefined;
    const incomingUpkeep = async () => undefined;
    const files = filesOf({
      'triggers/credential-expiry-check': credentialExpiryCheck,
      'triggers/email-log-upkeep': emailLogUpkeep,
      'triggers/incoming-upkeep': incomingUpkeep,
    });
    expect([...resolveTriggerHandlers(manifest, files)]).toEqual([
      ['expiry-check', credentialExpiryCheck],
      ['email-upkeep', emailLogUpkeep],
      ['incoming-upkeep', incomingUpkeep],
    ]);
    expect(() => resolveTriggerHandlers(manifest, filesOf({}))).toThrow(
      'Function expiry-check: src/triggers/credential-expiry-check.ts has no function export handler.',
    );
  });

  it('names the missing export', async () => {
    const manifest = await loadAppManifest(MANIFEST);
    expect(() => resolveHandlers(manifest, filesOf({ 'resolvers/admin-resolver': async () => 'admin' }))).toThrow(
      'Function issue-action-resolver: src/resolvers/issue-action-resolver.ts has no function export handler.',
    );
  });
});
