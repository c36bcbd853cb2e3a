import path from 'node:path';

import {
  FunctionOutOfMemoryError,
  type InstalledForgeRuntime,
  InvocationPayloadTooLargeError,
  InvocationTimeoutError,
  isolatedHandler,
  MAX_INVOCATION_PAYLOAD_BYTES,
  MAX_INVOCATION_RESPONSE_BYTES,
} from '../../../../local/host/runtime';
import type { ConsumerEvent, ForgeConsumerHandler, ForgeHandler } from '../../../../local/host/runtime-types';
import { issueActionRequest, runtimePerTest } from './fixtures/runtime-fixture';

jest.setTimeout(60_000);

const MODULE = path.join(__dirname, 'fixtures', 'isolated-functions.ts');
const MIB = 1024 * 1024;
const resolverIn = (memoryMB = 512): ForgeHandler =>
  isolatedHandler('issue-action-resolver', { module: MODULE, export: 'handler', memoryMB });

const lines: string[] = [];
const { install } = runtimePerTest({ workers: { output: (stream, line) => lines.push(`${stream}: ${line}`) } });
let runtime: InstalledForgeRuntime;

beforeEach(() => {
  lines.length = 0;
  ({ runtime } = install());
});

afterEach(async () => {
  await runtime.stopWorkers();
});

const call = (resolverFunctionKey: string, payload: unknown, handler = resolverIn()) =>
  runtime.invoke(handler, issueActionRequest({ resolverFunctionKey, payload }));

describe('functions in worker processes', () => {
  it('runs a resolver in another process that reaches kvs and Jira as the user through the platform proxy, warm for the next call', async () => {
    const first = (await call('count', { name: 'a' })) as Record<string, unknown>;
    const second = (await call('count', { name: 'a' })) as Record<string, unknown>;

    expect(first).toEqual({
      count: 1,
      warmInvocations: 1,
      pid: expect.any(Number),
      accountId: 'user-alice',
      myself: 200,
      functionKey: 'issue-action-resolver',
    });
    expect(first.pid).not.toBe(process.pid);
    // The same warm worker took the second call, and the kvs write of the first is there.
    expect(second).toEqual({ ...first, count: 2, warmInvocations: 2 });
    expect(runtime.stats()).toMatchObject({ invocations: 2, kvsOperations: 4, jiraRequests: 2 });
    expect(runtime.memoryPeaks()['issue-action-resolver']).toBeGreaterThan(20 * MIB);
  });

  it('runs a consumer function with the AsyncEvent in a worker', async () => {
    const consume = isolatedHandler('email-worker', {
      module: MODULE,
      export: 'consume',
      memoryMB: 512,
    }) as ForgeConsumerHandler;
    const answer = await runtime.invokeConsumer(consume, {
      functionKey: 'email-worker',
      moduleKey: 'email-outbox-consumer',
      queueName: 'q',
      body: { n: 21 },
      jobId: 'job-9',
      eventId: 'e-1',
    });
    expect(answer).toEqual({ doubled: 42, jobId: 'job-9' });
  });

  it("passes on what the function threw, by name and code, and the worker's console lines as the host's log", async () => {
    const failure = await call('fail', {}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'FixtureIsolatedError', code: 'FIXTURE_ISOLATED' });
    await expect(call('log', {})).resolves.toBe('logged');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([
      'stdout: [fixture] a line from the worker',
      'stderr: [fixture] an error line from the worker',
    ]);
  });

  it("measures each invocation's peak memory and stops one over its memoryMB with FUNCTION_OUT_OF_MEMORY", async () => {
    await expect(call('hold-memory', { mib: 40 }, resolverIn(512))).resolves.toEqual({ held: 40 });
    const within = runtime.memoryPeaks()['issue-action-resolver'] ?? 0;
    expect(within).toBeGreaterThan(40 * MIB);

    const error = await call('hold-memory', { mib: 200 }, resolverIn(128)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FunctionOutOfMemoryError);
    expect(error).toMatchObject({ code: 'FUNCTION_OUT_OF_MEMORY', memoryMB: 128 });
    expect((error as FunctionOutOfMemoryError).peakBytes).toBeGreaterThan(128 * MIB);
    expect((error as Error).message).toMatch(
      /^Function 'issue-action-resolver' ran out of memory: it used \d+\.\d MiB of its 128 MB and was stopped$/,
    );
    // The stopped worker is gone; the next invocation gets a fresh one.
    await expect(call('count', { name: 'b' })).resolves.toMatchObject({ count: 1, warmInvocations: 1 });
  });

  it('stops a worker whose invocation runs out of time, as the platform stops the container', async () => {
    await runtime.stopWorkers();
    runtime.uninstall();
    // A cold worker loads tsx and the module inside the invocation's time: 5 s leaves room for a busy machine while
    // 'hang' (which never answers) still meets the limit.
    ({ runtime } = install({ invocationTimeoutMs: 5_000, workers: { output: () => undefined } }));
    await expect(call('count', { name: 'c' })).resolves.toMatchObject({ warmInvocations: 1 });

    const error = await call('hang', {}).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(InvocationTimeoutError);
    // The worker that hung was stopped; the next call starts a fresh one.
    await expect(call('count', { name: 'c' })).resolves.toMatchObject({ count: 2, warmInvocations: 1 });
  });
});

describe("Forge's invocation size limits", () => {
  it('refuses a payload over 500 KB before the function runs', async () => {
    const inProcess = jest.fn<Promise<unknown>, Parameters<ForgeHandler>>(async () => 'ran');
    const payload = { text: 'x'.repeat(MAX_INVOCATION_PAYLOAD_BYTES) };
    const error = await runtime.invoke(inProcess, issueActionRequest({ payload })).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvocationPayloadTooLargeError);
    expect(error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: `The payload of function 'issue-action-resolver' is ${MAX_INVOCATION_PAYLOAD_BYTES + 11} bytes; Forge allows at most 512000 bytes`,
    });
    expect(inProcess).not.toHaveBeenCalled();
    await expect(
      runtime.invoke(
        inProcess,
        issueActionRequest({ payload: { text: 'x'.repeat(MAX_INVOCATION_PAYLOAD_BYTES - 11) } }),
      ),
    ).resolves.toBe('ran');
  });

  it('fails an invocation whose answer is over 5 MB', async () => {
    await expect(call('answer-bytes', { bytes: MAX_INVOCATION_RESPONSE_BYTES - 2 })).resolves.toHaveLength(
      MAX_INVOCATION_RESPONSE_BYTES - 2,
    );
    const error = await call('answer-bytes', { bytes: MAX_INVOCATION_RESPONSE_BYTES - 1 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      name: 'InvocationPayloadTooLargeError',
      code: 'RESPONSE_TOO_LARGE',
      message: `The response of function 'issue-action-resolver' is ${MAX_INVOCATION_RESPONSE_BYTES + 1} bytes; Forge allows at most 5242880 bytes`,
    });
  });
});

export type { ConsumerEvent };
