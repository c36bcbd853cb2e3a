import { __requestAtlassianAsApp } from '@forge/api';
import { InternalServerError, PayloadTooBigError, Queue, TooManyEventsError } from '@forge/events';

import { createLocalQueue, type LocalQueue, QueueError } from '../../../../local/host/queue';
import { FAKE_CLOUD_ID } from '../runtime/fixtures/fake-jira';
import { installTestRuntime, type TestRuntime } from '../runtime/fixtures/runtime-fixture';

const STARGATE = { type: 'fpp', provider: 'app', remote: 'stargate' } as const;
const PUBLISH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';
const NOW = Date.parse('2026-11-27T09:00:00.000Z');

/** The `apiClient` seam of @forge/events' Queue (`__requestAtlassianAsApp` by default). */
type ApiClient = NonNullable<ConstructorParameters<typeof Queue>[1]>;
type ForgeFetch = (target: Record<string, string>, path: string, init?: RequestInit) => Promise<Response>;
const forgeFetch: ForgeFetch = (target, path, init) =>
  (Reflect.get(globalThis, '__forge_fetch__') as ForgeFetch)(target, path, init);

let queue: LocalQueue;
let installed: TestRuntime;
let logLines: string[];

beforeEach(() => {
  logLines = [];
  queue = createLocalQueue({
    dbPath: ':memory:',
    consumers: [{ key: 'work-consumer', queue: 'work-queue', functionKey: 'work-fn', timeoutSeconds: undefined }],
    log: (line) => logLines.push(line),
    now: () => NOW,
  });
  installed = installTestRuntime({ routes: [queue.route] });
});

afterEach(async () => {
  await queue.close();
  installed.runtime.uninstall();
});

const pushBody = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    queueName: 'work-queue',
    jobId: 'job-1',
    type: 'avi:forge:app:event',
    schema: 'ari:cloud:ecosystem::forge/app-event-2',
    payload: [{ body: { id: 'e1' } }],
    time: '2026-11-27T09:00:00.000Z',
    ...overrides,
  });

const post = (path: string, body: string, target: Record<string, string> = STARGATE): Promise<Response> =>
  forgeFetch(target, path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('the queue route answers @forge/events as the platform does', () => {
  it('answers Queue.push 201 {} on the exact path and target the SDK uses', async () => {
    const seen: Array<{ path: string; status: number }> = [];
    const recording: ApiClient = async (path, init) => {
      const response = await __requestAtlassianAsApp(path, init);
      seen.push({ path, status: response.status });
      return response;
    };
    const result = await new Queue({ key: 'work-queue' }, recording).push([
      { body: { id: 'a' } },
      { body: { id: 'b' }, delayInSeconds: 2.5, concurrency: { key: 'k', limit: 2 } },
    ]);

    expect(seen).toEqual([{ path: PUBLISH, status: 201 }]);
    expect(typeof result.jobId).toBe('string');
    expect(queue.status()).toEqual({
      ready: 1,
      delayed: 1,
      inFlight: 0,
      nextDueAt: NOW,
      delivered: 0,
      retried: 0,
      dropped: 0,
    });
  });

  it.each([
    ['the placeholders as @forge/events sends them', 201, PUBLISH],
    [
      'the values the platform fills in',
      201,
      `/webhook/queue/publish/ari:cloud:jira::site/${FAKE_CLOUD_ID}/env-1/app-1/1.0.0`,
    ],
    [
      'an encoded context ARI',
      201,
      `/webhook/queue/publish/${encodeURIComponent(`ari:cloud:jira::site/${FAKE_CLOUD_ID}`)}/env-1/app-1/1.0.0`,
    ],
    ['a segment missing', 404, '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}'],
    [
      'an operation the platform does not have',
      404,
      '/webhook/queue/purge/{contextAri}/{environmentId}/{appId}/{appVersion}',
    ],
    ['an empty segment', 404, '/webhook/queue/publish/{contextAri}//{appId}/{appVersion}'],
  ])('parses the path: %s -> %i', async (_what, status, path) => {
    const response = await post(path, pushBody());
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(
      status === 201 ? {} : { code: 'NOT_FOUND', message: `POST ${path}: no such queue operation` },
    );
  });

  it('answers only POST', async () => {
    const response = await forgeFetch(STARGATE, PUBLISH, { method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: `GET ${PUBLISH}: no such queue operation` });
  });

  it('leaves other stargate calls and other providers to the routes after it', async () => {
    await expect(forgeFetch(STARGATE, '/graphql', { method: 'POST', body: '{}' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORGE_TARGET',
    });
    await expect(
      post(PUBLISH, pushBody(), { type: 'fpp', provider: 'user', remote: 'stargate' }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORGE_TARGET',
    });
  });

  it.each([
    ['a body that is not JSON', 'not json', 'the body is not JSON'],
    ['no events', pushBody({ payload: [] }), 'payload: Too small: expected array to have >=1 items'],
    [
      'a delay over 900 s',
      pushBody({ payload: [{ body: {}, delayInSeconds: 901 }] }),
      'payload.0.delayInSeconds: Too big: expected number to be <=900',
    ],
    [
      'a body that is not an object',
      pushBody({ payload: [{ body: 'text' }] }),
      'payload.0.body: Invalid input: expected record, received string',
    ],
    [
      'a concurrency limit of 0',
      pushBody({ payload: [{ body: {}, concurrency: { key: 'k', limit: 0 } }] }),
      'payload.0.concurrency.limit: Too small: expected number to be >=1',
    ],
    [
      'a bad queue name',
      pushBody({ queueName: 'no spaces' }),
      'queueName: Invalid string: must match pattern /^[a-zA-Z0-9-_]+$/',
    ],
    ['another event type', pushBody({ type: 'avi:other' }), 'type: Invalid input: expected "avi:forge:app:event"'],
  ])('refuses %s with 400 and says why', async (_what, body, message) => {
    const response = await post(PUBLISH, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'INVALID_REQUEST', message: `POST ${PUBLISH}: ${message}` });
    expect(queue.status().ready).toBe(0);
  });

  it('refuses a push over 200 KB with 413 and errorMessage, which @forge/events throws as PayloadTooBigError', async () => {
    const big = 'x'.repeat(101 * 1024);
    const response = await post(PUBLISH, pushBody({ payload: [{ body: { big } }, { body: { big } }] }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errorMessage: 'The combined payload of the events exceeds 200 KB.' });

    // @forge/events refuses the same push before sending it.
    await expect(new Queue({ key: 'work-queue' }).push([{ body: { big } }, { body: { big } }])).rejects.toThrow(
      PayloadTooBigError,
    );
  });

  it('refuses a push of more than 50 events, as @forge/events does before sending (TooManyEventsError)', async () => {
    const events = Array.from({ length: 51 }, (_, i) => ({ body: { i } }));
    const response = await post(PUBLISH, pushBody({ payload: events }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'INVALID_REQUEST',
      message: `POST ${PUBLISH}: payload: Too big: expected array to have <=50 items`,
    });
    await expect(new Queue({ key: 'work-queue' }).push(events)).rejects.toThrow(TooManyEventsError);
    await expect(new Queue({ key: 'work-queue' }).push(events.slice(0, 50))).resolves.toMatchObject({
      jobId: expect.any(String),
    });
    expect(queue.status().ready).toBe(50);
  });

  it('a 400 reaches the app as @forge/events InternalServerError', async () => {
    const broken: ApiClient = (path, init) =>
      __requestAtlassianAsApp(path, {
        ...init,
        body: (init?.body as string).replace('avi:forge:app:event', 'avi:other'),
      });
    const error: unknown = await new Queue({ key: 'work-queue' }, broken)
      .push({ body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toBe(
      `400 Bad Request: POST ${PUBLISH}: type: Invalid input: expected "avi:forge:app:event"`,
    );
    expect((error as InternalServerError).errorCode).toBe('INVALID_REQUEST');
  });

  it('answers stats 200 and cancel 204, and 404 for a job the queue never had', async () => {
    await post(PUBLISH, pushBody({ payload: [{ body: {} }, { body: {}, delayInSeconds: 5 }] }));
    const job = (jobId: string) => JSON.stringify({ queueName: 'work-queue', jobId, time: '2026-11-27T09:00:00.000Z' });
    const stats = await post('/webhook/queue/stats/{contextAri}/{environmentId}/{appId}/{appVersion}', job('job-1'));
    expect([stats.status, await stats.json()]).toEqual([200, { success: 0, inProgress: 2, failed: 0 }]);

    const cancel = await post('/webhook/queue/cancel/{contextAri}/{environmentId}/{appId}/{appVersion}', job('job-1'));
    expect([cancel.status, await cancel.text()]).toEqual([204, '']);
    expect(queue.status()).toMatchObject({ ready: 0, delayed: 0 });

    const unknown = await post('/webhook/queue/stats/{contextAri}/{environmentId}/{appId}/{appVersion}', job('job-2'));
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { code: 'JOB_NOT_FOUND', message: 'The job job-2 was not found for the queue work-queue.' },
    ]);
  });

  it('refuses a push once the queue is closed', async () => {
    await queue.close();
    const error: unknown = await post(PUBLISH, pushBody()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueError);
    expect(error).toMatchObject({
      code: 'QUEUE_CLOSED',
      message: 'The local queue is closed; cannot push to work-queue',
    });
  });

  it('resolves whenIdle at once when it holds nothing; events of a queue with no consumer do not count', async () => {
    await post(PUBLISH, pushBody({ queueName: 'nobody-listens' }));
    await post(PUBLISH, pushBody({ queueName: 'nobody-listens', jobId: 'job-2' }));
    await queue.whenIdle();
    expect(queue.status()).toMatchObject({ ready: 0, delayed: 0 });
    expect(logLines).toEqual([
      'Queue nobody-listens: no consumer module listens to it; its events are kept but not delivered.',
    ]);
  });
});

describe('the queue clock', () => {
  it('reads Date.now() at each call when no clock is given, so a faked Date moves the queue too', async () => {
    const own = createLocalQueue({
      dbPath: ':memory:',
      consumers: [{ key: 'c', queue: 'work-queue', functionKey: 'f', timeoutSeconds: undefined }],
      log: () => undefined,
    });
    const faked = jest.spyOn(Date, 'now').mockReturnValue(NOW + 7_000);
    try {
      const response = await own.route.handle(STARGATE, PUBLISH, {
        method: 'POST',
        body: pushBody({ payload: [{ body: {}, delayInSeconds: 60 }] }),
      });
      expect(response.status).toBe(201);
      expect(own.status()).toMatchObject({ ready: 0, delayed: 1, nextDueAt: NOW + 67_000 });
      faked.mockReturnValue(NOW + 67_000);
      expect(own.status()).toMatchObject({ ready: 1, delayed: 0 });
    } finally {
      faked.mockRestore();
      await own.close();
    }
  });
});
