import { __getRuntime } from '@forge/api';
import { type AsyncEvent, InvocationError, InvocationErrorCode } from '@forge/events';

import { type ConsumerInvocationRequest, InvalidConsumerRequestError } from '../../../../local/host/runtime';
import type { ForgeConsumerHandler } from '../../../../local/host/runtime-types';
import { FAKE_CLOUD_ID } from '../runtime/fixtures/fake-jira';
import { runtimePerTest } from '../runtime/fixtures/runtime-fixture';

const NOW = Date.parse('2026-11-27T09:00:00.000Z');
const { install } = runtimePerTest({ now: () => NOW });

const deliverEmail = (overrides: Partial<ConsumerInvocationRequest> = {}): ConsumerInvocationRequest => ({
  functionKey: 'email-worker',
  moduleKey: 'email-outbox-consumer',
  queueName: 'email-outbox',
  body: { emailId: 'm-1', when: '2026-11-27' },
  jobId: 'job-1',
  eventId: 'event-1',
  ...overrides,
});

describe('invokeConsumer', () => {
  it("calls the function with @forge/events' AsyncEvent and a context with no user", async () => {
    const { runtime } = install();
    let seen: Parameters<ForgeConsumerHandler> | undefined;
    const handler: ForgeConsumerHandler = async (...args) => {
      seen = args;
      return { ok: true, at: new Date(NOW) };
    };

    const answer = await runtime.invokeConsumer(handler, deliverEmail({ concurrency: { key: 'mailbox-1', limit: 4 } }));

    expect(answer).toEqual({ ok: true, at: '2026-11-27T09:00:00.000Z' });
    const [event, context] = seen!;
    expect(event).toEqual({
      body: { emailId: 'm-1', when: '2026-11-27' },
      concurrency: { key: 'mailbox-1', limit: 4 },
      queueName: 'email-outbox',
      jobId: 'job-1',
      eventId: 'event-1',
    });
    expect(context.principal).toBeUndefined();
    expect(context.installContext).toBe(`ari:cloud:jira::site/${FAKE_CLOUD_ID}`);
    expect(runtime.stats().invocations).toBe(1);
  });

  it('puts retryContext on the event of a redelivery, runs the function as a consumer within its time limit', async () => {
    const { runtime } = install();
    const seen: unknown[] = [];
    const handler = async (event: AsyncEvent): Promise<InvocationError> => {
      const runtimeGlobal = __getRuntime();
      seen.push({
        body: event.body,
        jobId: event.jobId,
        retryContext: event.retryContext,
        moduleType: runtimeGlobal.appContext.moduleType,
        remainingMs: runtimeGlobal.lambdaContext.getRemainingTimeInMillis(),
      });
      return new InvocationError({
        retryAfter: 0,
        retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
        retryData: { step: 2 },
      });
    };

    const answer = await runtime.invokeConsumer(
      handler as ForgeConsumerHandler,
      deliverEmail({ timeoutSeconds: 120, retryContext: { retryCount: 2, retryReason: 'FUNCTION_TIME_OUT' } }),
    );

    expect(seen).toEqual([
      {
        body: { emailId: 'm-1', when: '2026-11-27' },
        jobId: 'job-1',
        retryContext: { retryCount: 2, retryReason: 'FUNCTION_TIME_OUT' },
        moduleType: 'core:consumer',
        remainingMs: 120_000,
      },
    ]);
    // InvocationError raises retryAfter 0 to 1 and answers plain JSON.
    expect(answer).toEqual({
      _retry: true,
      retryOptions: { retryAfter: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { step: 2 } },
    });
  });

  it.each([0, 901])('refuses timeoutSeconds %i as the platform would', async (timeoutSeconds) => {
    const { runtime } = install();
    const error: unknown = await runtime
      .invokeConsumer(async () => 'never', deliverEmail({ timeoutSeconds }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidConsumerRequestError);
    expect(error).toMatchObject({
      code: 'INVALID_CONSUMER_REQUEST',
      message: `Function 'email-worker': timeoutSeconds must be between 1 and 900 for a consumer module, not ${timeoutSeconds}`,
    });
    expect(runtime.stats().invocations).toBe(0);
  });

  it('refuses once the runtime is uninstalled', async () => {
    const { runtime } = install();
    runtime.uninstall();
    await expect(runtime.invokeConsumer(async () => 'never', deliverEmail())).rejects.toMatchObject({
      code: 'RUNTIME_UNINSTALLED',
      message: "The local Forge runtime was uninstalled; cannot invoke consumer 'email-outbox-consumer'",
    });
  });
});
