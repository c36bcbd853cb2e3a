import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { NOTIFICATIONS_TRIGGER_KEY } from '../../src/composition/incoming';
import { INCOMING_QUEUE_KEY } from '../../src/incoming/queue/incoming-queue';
import { INCOMING_WORKER_TIMEOUT_SECONDS } from '../../src/incoming/worker/worker-limits';

interface Manifest {
  modules: {
    consumer: Array<{ key: string; queue: string; function: string }>;
    webtrigger: Array<{ key: string; function: string; response?: { type: string } }>;
    scheduledTrigger: Array<{ key: string; function: string; interval: string }>;
    function: Array<{ key: string; handler: string; timeoutSeconds?: number }>;
  };
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as Manifest;
const fn = (key: string) => manifest.modules.function.find((one) => one.key === key);

describe('manifest.yml and the incoming-mail code agree', () => {
  it('the consumer reads the queue incoming mail pushes to, and its worker has the time its leases assume', () => {
    expect(manifest.modules.consumer).toContainEqual({
      key: 'incoming-mail-consumer',
      queue: INCOMING_QUEUE_KEY,
      function: 'incoming-worker',
    });
    expect(fn('incoming-worker')).toEqual({
      key: 'incoming-worker',
      handler: 'consumers/incoming-worker.handler',
      timeoutSeconds: INCOMING_WORKER_TIMEOUT_SECONDS,
    });
  });

  it('Graph posts to the web trigger getUrl names, which answers dynamically (a validation token echoed)', () => {
    expect(manifest.modules.webtrigger).toContainEqual({
      key: NOTIFICATIONS_TRIGGER_KEY,
      function: 'notification-receiver',
      response: { type: 'dynamic' },
    });
    expect(fn('notification-receiver')).toEqual({
      key: 'notification-receiver',
      handler: 'triggers/graph-notifications.handler',
    });
  });

  it('runs the upkeep (the delta safety net) every five minutes', () => {
    expect(manifest.modules.scheduledTrigger).toContainEqual({
      key: 'incoming-mail-upkeep',
      function: 'incoming-upkeep',
      interval: 'fiveMinute',
    });
  });
});
