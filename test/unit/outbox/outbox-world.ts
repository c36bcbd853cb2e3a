import { handleOutboxJob } from '../../../src/outbox/handle-outbox-job';
import { callsOf, outboxMicrosoft } from '../support/outbox-microsoft';
import { configuredWorld, emailIdOf, issueRequest, NOW } from '../support/resolvers';
import { stoppingDeps } from './outbox-fixtures';

/** One email queued on DEMO-1 through the resolver, over the fake Microsoft of outbox-microsoft.ts. */
export const ID = emailIdOf(1);
export const MESSAGE_ID = `<${ID}.demo-1@contoso.com>`;
export const SEND_MAIL = 'POST graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail';
export const LOOKUP = 'GET graph.microsoft.com/v1.0/users/support%40contoso.com/messages';
export const DEADLINE_MS = 300_000 + 30_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };

export const setup = async () => {
  const microsoft = outboxMicrosoft();
  const world = await configuredWorld({ microsoft: microsoft.handler });
  const queueEmail = async () => {
    const answer = await world.issueAction.sendIssueEmail(issueRequest(payload));
    expect(answer).toMatchObject({ ok: true, data: { status: 'queued' } });
  };
  const record = async (id = ID) => world.records.get(id);
  const calls = () => callsOf(world.microsoft.calls);
  const history = async () => world.issueAction.listEmailHistory(issueRequest({}));
  const contentKeys = () => [...world.kv.plain.keys()].filter((key) => key.startsWith('email-content:'));
  /** Delays of the jobs pushed after the first (the one enqueueing pushed). */
  const laterPushes = () => world.queue.pushed.slice(1).map((entry) => entry.delaySeconds);
  return { world, microsoft, queueEmail, record, calls, history, contentKeys, laterPushes };
};

/** Queues an email and runs its first job until the invocation stops; the record is left `sending`. */
export const leftSending = async (afterGraph: boolean) => {
  const context = await setup();
  await context.queueEmail();
  const first = context.world.queue.take();
  if (first === undefined) throw new Error('no job');
  await expect(
    handleOutboxJob(first.job, { retryCount: 0 }, stoppingDeps(context.world.outbox, afterGraph)),
  ).rejects.toThrow('the invocation stopped');
  expect(await context.record()).toMatchObject({
    status: 'sending',
    attempt: { number: 1, ticket: first.job.ticket, startedAt: NOW, deadlineAt: NOW + DEADLINE_MS },
  });
  return { ...context, job: first.job };
};
