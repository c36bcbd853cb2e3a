import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { EMAIL_INDEXES } from '../../src/outbox/email-records';
import { OUTBOX_QUEUE_KEY } from '../../src/outbox/outbox-queue';
import { WORKER_TIME_LIMIT_SECONDS } from '../../src/outbox/worker-limits';
import { MAILBOX_PACE_ENTITY, OUTBOX_EMAIL_ENTITY } from '../../src/storage/keys';

interface Manifest {
  modules: {
    consumer: Array<{ key: string; queue: string; function: string }>;
    function: Array<{ key: string; handler: string; timeoutSeconds?: number }>;
  };
  app: {
    storage: {
      entities: Array<{
        name: string;
        attributes: Record<string, { type: string }>;
        indexes?: Array<string | { name: string }>;
      }>;
    };
  };
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as Manifest;

describe('manifest.yml and the outbox code agree', () => {
  it('the consumer reads the queue the outbox pushes to and invokes the worker function', () => {
    expect(manifest.modules.consumer).toContainEqual({
      key: 'email-outbox-consumer',
      queue: OUTBOX_QUEUE_KEY,
      function: 'email-worker',
    });
  });

  it('gives the worker the time limit its attempt leases assume', () => {
    const worker = manifest.modules.function.find((fn) => fn.key === 'email-worker');
    expect(worker).toEqual({
      key: 'email-worker',
      handler: 'consumers/email-worker.handler',
      timeoutSeconds: WORKER_TIME_LIMIT_SECONDS,
    });
  });

  it('declares the entities and the indexes the email log queries', () => {
    const entities = new Map(manifest.app.storage.entities.map((entity) => [entity.name, entity]));
    const indexNames = (entities.get(OUTBOX_EMAIL_ENTITY)?.indexes ?? []).map((index) =>
      typeof index === 'string' ? index : index.name,
    );
    expect(indexNames).toEqual(Object.values(EMAIL_INDEXES));
    expect(Object.keys(entities.get(MAILBOX_PACE_ENTITY)?.attributes ?? {})).toEqual(['version', 'slots']);
  });
});
