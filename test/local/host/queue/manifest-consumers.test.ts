import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { HandlerNotFoundError, resolveConsumerHandlers } from '../../../../local/host/server/app-handlers';
import { loadAppManifest, ManifestError } from '../../../../local/host/server/manifest-modules';
import * as queueApp from './fixtures/queue-app';

const FIXTURE = path.join(__dirname, 'fixtures/queue-manifest.yml');

describe('consumer modules and custom entities in manifest.yml', () => {
  it('reads each consumer with its queue, function and the function timeoutSeconds', async () => {
    const manifest = await loadAppManifest(FIXTURE);
    expect(manifest.consumers).toEqual([
      { key: 'work-consumer', queue: 'work-queue', functionKey: 'work-fn', timeoutSeconds: 120 },
      { key: 'quick-consumer', queue: 'quick-queue', functionKey: 'quick-fn', timeoutSeconds: 1 },
    ]);
  });

  it('reads app.storage.entities into the runtime entity definitions, attributes included', async () => {
    const manifest = await loadAppManifest(FIXTURE);
    expect(manifest.entities).toEqual([
      {
        name: 'outbox-entry',
        attributes: { status: { type: 'string' }, dueAt: { type: 'integer' } },
        indexes: ['status', { name: 'by-status-due', range: ['dueAt'], partition: ['status'] }],
      },
    ]);
  });

  it('resolves each consumer function to the export its handler names', async () => {
    const manifest = await loadAppManifest(FIXTURE);
    const handlers = resolveConsumerHandlers(manifest, queueApp);
    expect([...handlers.keys()]).toEqual(['work-fn', 'quick-fn']);
    expect(handlers.get('work-fn')).toBe(queueApp.workHandler);
    expect(() => resolveConsumerHandlers(manifest, {})).toThrow(
      new HandlerNotFoundError('Function work-fn: src/index.ts has no function export workHandler.'),
    );
  });

  describe('refusals', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'manifest-consumers-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const FUNCTIONS = `  function:\n    - key: fn\n      handler: index.fn\n`;
    const consumer = (key: string, queue: string, fn = 'fn') =>
      `    - key: ${key}\n      queue: ${queue}\n      function: ${fn}\n`;

    it.each([
      [
        'a consumer naming an unknown function',
        `modules:\n  consumer:\n${consumer('c1', 'q1', 'nope')}${FUNCTIONS}`,
        'consumer c1 names unknown function nope.',
      ],
      [
        'two consumers of one queue',
        `modules:\n  consumer:\n${consumer('c1', 'q1')}${consumer('c2', 'q1')}${FUNCTIONS}`,
        'consumers c1 and c2 both listen to queue q1.',
      ],
      [
        'a queue name @forge/events refuses',
        `modules:\n  consumer:\n${consumer('c1', 'bad/queue')}${FUNCTIONS}`,
        'modules.consumer.0.queue: Invalid string: must match pattern /^[a-zA-Z0-9-_]+$/',
      ],
      [
        'a consumer without a function',
        `modules:\n  consumer:\n    - key: c1\n      queue: q1\n${FUNCTIONS}`,
        'modules.consumer.0.function: consumer c1 names no function',
      ],
      [
        'a consumer in the @forge/events 1.x form (resolver: function, method)',
        `modules:\n  consumer:\n    - key: c1\n      queue: q1\n      resolver:\n        function: fn\n        method: m\n${FUNCTIONS}`,
        'modules.consumer.0.resolver: consumer c1 uses the @forge/events 1.x form "resolver: { function, method }". Since @forge/events 2 ' +
          '"Forge resolvers are no longer used. The Consumer module instead requires a Function": write "function: <function key>" ' +
          'and read the AsyncEvent (event.body, event.jobId, event.retryContext) in the handler. ' +
          'See https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade/',
      ],
      [
        'an index over an undeclared attribute',
        `modules: {}\napp:\n  id: x\n  storage:\n    entities:\n      - name: thing\n        attributes:\n          a: { type: string }\n        indexes:\n          - name: by-b\n            range: [b]\n`,
        'index by-b of entity thing names unknown attribute b.',
      ],
      [
        'an attribute type Forge does not have',
        `modules: {}\napp:\n  id: x\n  storage:\n    entities:\n      - name: thing\n        attributes:\n          a: { type: date }\n`,
        'app.storage.entities.0.attributes.a.type: Invalid option: expected one of "any"|"boolean"|"float"|"integer"|"string"',
      ],
    ])('refuses %s', async (_what, yaml, message) => {
      const file = path.join(dir, 'manifest.yml');
      await writeFile(file, yaml.startsWith('modules: {}') ? yaml : `app: { id: x }\n${yaml}`);
      const error: unknown = await loadAppManifest(file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ManifestError);
      expect((error as ManifestError).message).toBe(`${file}: ${message}`);
    });
  });
});
