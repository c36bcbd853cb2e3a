import { deliverEmail } from '../../../src/consumers/email-worker';
import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { StorageError } from '../../../src/storage/errors';
import { callsOf, found, outboxMicrosoft } from '../support/outbox-microsoft';
import { configuredWorld, emailIdOf, issueRequest, NOW, silenceWarnings } from '../support/resolvers';
import { stoppingDeps } from './outbox-fixtures';

const ID = emailIdOf(1);
const PLATFORM_RETRY = { _retry: true, retryOptions: { retryAfter: 10, retryReason: 'FUNCTION_RETRY_REQUEST' } };

const setup = async () => {
  const microsoft = outboxMicrosoft();
  const world = await configuredWorld({ microsoft: microsoft.handler });
  await world.issueAction.sendIssueEmail(issueRequest({ to: ['ada@example.com'], subject: 's', message: 'm' }));
  const first = world.queue.take();
  if (first === undefined) throw new Error('no job');
  return { world, microsoft, job: first.job };
};

describe('deliverEmail (the email-worker consumer function)', () => {
  silenceWarnings();

  it('runs the outbox job of the event', async () => {
    const { world, job } = await setup();
    await expect(deliverEmail({ body: job }, world.outbox)).resolves.toEqual({ outcome: 'sent' });
    expect(callsOf(world.microsoft.calls).sends).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['no payload', undefined],
    ['an empty object', {}],
    ['an email id of another shape', { emailId: 'email-1', ticket: 't-1' }],
    ['an empty ticket', { emailId: ID, ticket: '' }],
    ['a ticket over 100 characters', { emailId: ID, ticket: 't'.repeat(101) }],
    ['a string', 'deliver'],
  ])('drops an event that is not an outbox job: %s', async (_name, payload) => {
    const { world } = await setup();
    await expect(deliverEmail({ body: payload }, world.outbox)).resolves.toEqual({ outcome: 'invalid-job' });
    expect(world.logLines).toEqual(['outbox: dropped an event that is not an outbox job']);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a first delivery', 'busy', {}],
    ['a retry context that does not parse', 'busy', { retryContext: { retryCount: -1 } }],
    [
      "the platform's redelivery",
      'reconciled-sent',
      { retryContext: { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST' } },
    ],
  ])(
    "passes the event's retry count on: %s of the job that claimed the attempt is %s",
    async (_name, outcome, fields) => {
      const { world, microsoft, job } = await setup();
      await expect(handleOutboxJob(job, { retryCount: 0 }, stoppingDeps(world.outbox, true))).rejects.toThrow(
        'the invocation stopped',
      );
      microsoft.lookups.push(() => found([{ id: 'sent-1', isDraft: false }]));
      world.clock.now = NOW + 10_000;

      await expect(deliverEmail({ body: job, ...fields }, world.outbox)).resolves.toEqual({ outcome });
      expect(callsOf(world.microsoft.calls).sends).toHaveLength(1);
    },
  );

  it('asks the platform to deliver the event again when the job could not be settled: writes kept losing', async () => {
    const { world, job } = await setup();
    world.entities.conflictsBeforeReplace = 6;

    await expect(deliverEmail({ body: job }, world.outbox)).resolves.toEqual(PLATFORM_RETRY);

    expect(world.logLines).toEqual([
      `email ${ID}: the outbox job stopped (WriteConflictError OUTBOX_WRITE_CONFLICT); the platform retries it`,
    ]);
    expect(world.microsoft.calls).toHaveLength(0);
    expect(await world.records.get(ID)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('asks the platform to deliver the event again when storage fails', async () => {
    const { world, job } = await setup();
    world.outbox.records = {
      ...world.records,
      get: async () => Promise.reject(new StorageError('get', ID, { code: 'RATE_LIMIT_EXCEEDED' })),
    };

    await expect(deliverEmail({ body: job }, world.outbox)).resolves.toEqual(PLATFORM_RETRY);

    expect(world.logLines).toEqual([
      `email ${ID}: the outbox job stopped (StorageError STORAGE_FAILED); the platform retries it`,
    ]);
  });
});
