import type { DeliveryError } from '../../../src/contract/email-log';
import type { EmailRecord } from '../../../src/outbox/email-record';
import type { OutboxDeps } from '../../../src/outbox/outbox-deps';
import { emailIdOf, NOW } from '../support/resolvers';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The n-th email of the log as enqueueEmail stores it (queued at `NOW`), with overrides. */
export const emailRecord = (n: number, overrides: Partial<EmailRecord> = {}): EmailRecord => {
  const createdAt = overrides.createdAt ?? NOW;
  return {
    emailId: emailIdOf(n),
    version: 1,
    status: 'queued',
    createdAt,
    updatedAt: createdAt,
    kind: 'issue',
    issueId: '10001',
    issueKey: 'DEMO-1',
    credentialId: 'cred-1',
    senderMailbox: 'support@contoso.com',
    internetMessageId: `<${emailIdOf(n)}.demo-1@contoso.com>`,
    subject: `Email ${n}`,
    to: ['ada@example.com'],
    cc: [],
    bccCount: 1,
    attachmentCount: 0,
    requestedBy: { accountId: 'user-1', name: 'Ursula User' },
    attempts: 0,
    roundAttempts: 0,
    nextAttemptAt: createdAt,
    events: [{ at: iso(createdAt), status: 'queued', note: 'Queued by Ursula User.' }],
    followUps: [],
    commentAfterSend: true,
    contentChunks: 1,
    ...overrides,
  };
};

/** The n-th email after its third attempt failed for good. */
export const failedRecord = (n: number, error: DeliveryError, overrides: Partial<EmailRecord> = {}): EmailRecord => {
  const base = emailRecord(n, overrides);
  const at = base.createdAt + 60_000;
  const { nextAttemptAt: _next, ...rest } = base;
  return {
    ...rest,
    version: 7,
    status: 'failed',
    updatedAt: at,
    finishedAt: at,
    attempts: 3,
    roundAttempts: 3,
    lastError: error,
    events: [...base.events, { at: iso(at), status: 'failed', note: 'Attempt 3 failed.', attempt: 3, error }],
    ...overrides,
  };
};

/**
 * The invocation stops in the middle of an attempt, as when the platform ends it at its time limit: after Graph
 * was called when `afterGraph`, in any case before an outcome is written.
 */
export const stoppingDeps = (deps: OutboxDeps, afterGraph: boolean): OutboxDeps => {
  const stop = new Error('the invocation stopped');
  return {
    ...deps,
    send: async (credential, message) => {
      if (afterGraph) await deps.send(credential, message);
      throw stop;
    },
    describe: (error) => {
      if (error === stop) throw stop;
      return deps.describe(error);
    },
  };
};
