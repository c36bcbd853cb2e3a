import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createLocalQueue } from '../../../../local/host/queue';
import {
  type ChildInvokeAnswer,
  ChildInvokeError,
  type ConsumerInvocationRequest,
  ConsumerTimeoutError,
  invokeInChildProcess,
} from '../../../../local/host/runtime';
import { ChildHandlerError, createChildConsumerInvoker } from '../../../../local/host/runtime/child-invoke-consumer';
import type { ChildInvokeBase, ChildInvokeRequest } from '../../../../local/host/runtime/child-invoke-protocol';
import { FIXTURE_ENTITIES } from './fixtures/queue-handler';
import { issueActionRequest, SITE_URL } from './fixtures/runtime-fixture';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const MODULE = path.join(FIXTURES, 'queue-handler.ts');
const HANDLER = { module: MODULE, export: 'handler' };
const WORK = { module: MODULE, export: 'work' };
const WORK_CONSUMER = { key: 'work-consumer', queue: 'work-queue', functionKey: 'work-fn', timeoutSeconds: undefined };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'forge-child-queue-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const base = (overrides: Partial<ChildInvokeBase> = {}): ChildInvokeBase => ({
  dbPath: path.join(dir, 'kvs.sqlite'),
  handler: HANDLER,
  jira: { siteUrl: SITE_URL, module: path.join(FIXTURES, 'fake-jira.ts') },
  queueDbPath: path.join(dir, 'queue.sqlite'),
  entities: FIXTURE_ENTITIES,
  ...overrides,
});

const enqueue = (work: string, hops: number, overrides: Partial<ChildInvokeBase> = {}): ChildInvokeRequest => ({
  ...base(overrides),
  request: issueActionRequest({ resolverFunctionKey: 'enqueue', payload: { work, hops } }),
});

const consumerCall = (overrides: Partial<ConsumerInvocationRequest> = {}): ConsumerInvocationRequest => ({
  functionKey: 'work-fn',
  moduleKey: 'work-consumer',
  queueName: 'work-queue',
  body: { work: 'w', hops: 0 },
  jobId: 'job-7',
  eventId: 'event-1',
  ...overrides,
});

/** A consumer call for the child, with the `work` export as its handler. */
const consumed = (
  overrides: Partial<ConsumerInvocationRequest> = {},
  baseOverrides: Partial<ChildInvokeBase> = {},
): ChildInvokeRequest => ({ ...base({ handler: WORK, ...baseOverrides }), consumer: consumerCall(overrides) });

const invoker = (onOutcome?: Parameters<typeof createChildConsumerInvoker>[0]['onOutcome']) => {
  const { handler: _handler, ...common } = base();
  const handlers = new Map([
    ['work-fn', WORK],
    ['fail-fn', { module: MODULE, export: 'fail' }],
    ['hang-fn', { module: MODULE, export: 'hang' }],
  ]);
  return createChildConsumerInvoker({ base: common, handlers, ...(onOutcome ? { onOutcome } : {}) });
};

const answered = (answer: ChildInvokeAnswer) => ({
  ...answer,
  loadMs: expect.any(Number),
  invocationMs: expect.any(Number),
});

describe('child-invoke with a queue', () => {
  it('pushes from a resolver child, and a LocalQueue over the same file delivers each event to a fresh consumer child', async () => {
    const pushed = await invokeInChildProcess(enqueue('w', 1));
    expect(pushed.exitCode).toBe(0);
    expect(pushed.answer).toEqual(
      answered({
        ok: true,
        result: { jobId: expect.any(String) },
        stats: { kvsOperations: 0, jiraRequests: 0, invocations: 1 },
        loadMs: 0,
        invocationMs: 0,
      }),
    );
    const { jobId } = (pushed.answer.ok ? pushed.answer.result : {}) as { jobId: string };

    const seen: Array<[Record<string, unknown>, number | null, ChildInvokeAnswer]> = [];
    const consumers = invoker((request, outcome) => seen.push([request.body, outcome.exitCode, outcome.answer]));
    const logLines: string[] = [];
    const queue = createLocalQueue({
      dbPath: path.join(dir, 'queue.sqlite'),
      consumers: [WORK_CONSUMER],
      log: (line) => logLines.push(line),
    });
    try {
      queue.start({ runtime: consumers, handlers: consumers.handlers });
      await queue.whenIdle();
      expect(queue.status()).toEqual({
        ready: 0,
        delayed: 0,
        inFlight: 0,
        nextDueAt: undefined,
        delivered: 2,
        retried: 0,
        dropped: 0,
      });
    } finally {
      await queue.close();
    }

    const delivered = (recorded: number[], job: unknown) => ({
      ok: true,
      result: { jobId: job, retryContext: null, principal: null, moduleType: 'core:consumer', recorded },
      stats: { kvsOperations: 2, jiraRequests: 0, invocations: 1 },
      loadMs: expect.any(Number),
      invocationMs: expect.any(Number),
    });
    expect(seen).toEqual([
      [{ work: 'w', hops: 1 }, 0, delivered([1], jobId)],
      [{ work: 'w', hops: 0 }, 0, delivered([0, 1], expect.not.stringMatching(jobId))],
    ]);
    expect(logLines).toEqual([]);
  });

  it('runs a consumer function with the AsyncEvent (job id, retry context) and no user', async () => {
    const outcome = await invokeInChildProcess(
      consumed({ retryContext: { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { step: 1 } } }),
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.answer).toEqual(
      answered({
        ok: true,
        result: {
          jobId: 'job-7',
          retryContext: { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { step: 1 } },
          principal: null,
          moduleType: 'core:consumer',
          recorded: [0],
        },
        stats: { kvsOperations: 2, jiraRequests: 0, invocations: 1 },
        loadMs: 0,
        invocationMs: 0,
      }),
    );
  });

  it.each([
    [
      'no queueDbPath: Queue.push has nowhere to go',
      () => enqueue('w', 0, { queueDbPath: undefined }),
      {
        name: 'ForgeRuntimeError',
        code: 'UNSUPPORTED_FORGE_TARGET',
        message:
          'The local Forge host does not emulate fpp/app/stargate calls (POST /webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion})',
      },
      { kvsOperations: 0, jiraRequests: 0, invocations: 1 },
    ],
    [
      'no entities: kvs.entity() queries are refused',
      (): ChildInvokeRequest => consumed({}, { entities: undefined }),
      {
        name: 'ForgeKvsError',
        code: 'ENTITY_NOT_DEFINED',
        message: "Entity 'delivery' is not defined; pass its definition in the runtime's 'entities' option to query it",
      },
      { kvsOperations: 2, jiraRequests: 0, invocations: 1 },
    ],
  ])('answers a handler failure with %s', async (_title, build, error, stats) => {
    const outcome = await invokeInChildProcess(build());
    expect(outcome.exitCode).toBe(1);
    expect(outcome.answer).toEqual(answered({ ok: false, error, stats, loadMs: 0, invocationMs: 0 }));
  });

  it.each([
    ['both a resolver call and a queue event', () => ({ ...enqueue('w', 0), consumer: consumerCall() })],
    ['neither a resolver call nor a queue event', () => base()],
  ])('refuses a request with %s', async (_title, build) => {
    // Requests the types forbid, as a parent with a bug (or no types) could write them.
    const outcome = await invokeInChildProcess(build() as ChildInvokeRequest);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.answer).toEqual({
      ok: false,
      error: {
        name: 'ChildInvokeError',
        code: 'BAD_CHILD_REQUEST',
        message:
          'The child-invoke request is invalid: request: give either request (a resolver call) or consumer (a queue event)',
      },
      stats: { kvsOperations: 0, jiraRequests: 0, invocations: 0 },
      loadMs: 0,
      invocationMs: 0,
    });
  });
});

describe('createChildConsumerInvoker', () => {
  it.each([
    [
      'a function that throws, as ChildHandlerError with its code',
      consumerCall({ functionKey: 'fail-fn' }),
      ChildHandlerError,
      'FIXTURE_FAILED',
      "Function 'fail-fn' (consumer 'work-consumer') failed in its child process: FixtureWorkError: The consumer failed on purpose",
    ],
    [
      'a function that outlives its timeoutSeconds, as ConsumerTimeoutError (the queue retries it as FUNCTION_TIME_OUT)',
      consumerCall({ functionKey: 'hang-fn', timeoutSeconds: 1 }),
      ConsumerTimeoutError,
      'INVOCATION_TIMEOUT',
      "Invocation of function 'hang-fn' (consumer 'work-consumer') timed out after 1000 ms",
    ],
    [
      'a call the platform would not make, as ChildInvokeError',
      consumerCall({ timeoutSeconds: 0 }),
      ChildInvokeError,
      'INVALID_CONSUMER_REQUEST',
      "Function 'work-fn': timeoutSeconds must be between 1 and 900 for a consumer module, not 0",
    ],
  ])('rejects %s', async (_title, request, errorClass, code, message) => {
    const error = await invoker()
      .invokeConsumer(jest.fn(), request)
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ code, message });
  });

  it('gives the queue stand-in handlers that refuse to run in the parent', async () => {
    const { handlers } = invoker();
    expect([...handlers.keys()]).toEqual(['work-fn', 'fail-fn', 'hang-fn']);
    const standIn = handlers.get('work-fn')!;
    expect(() => standIn(consumerCall(), { installContext: 'x' })).toThrow(
      expect.objectContaining({
        code: 'CHILD_ONLY_HANDLER',
        message: "Function 'work-fn' runs in a child process; invoke it through the child consumer invoker",
      }),
    );
  });
});
