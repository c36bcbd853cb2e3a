import { claimMessage, type FinalOutcome, finishMessage } from '../../../../src/incoming/records/claim-message';
import type { IncomingRecord, SeenMessage } from '../../../../src/incoming/records/incoming-record';
import type { IncomingRecordStore } from '../../../../src/incoming/records/incoming-records';

export const NOW = Date.parse('2026-12-06T10:00:00Z');

export const seenMessage = (n: number, overrides: Partial<SeenMessage> = {}): SeenMessage => ({
  internetMessageId: `<message-${n}@customer.example>`,
  handlerId: 'handler-1',
  mailbox: 'support@contoso.com',
  graphMessageId: `AAMk-${n}`,
  from: { name: 'Casey Customer', address: 'Casey@Customer.example' },
  subject: `Message ${n}`,
  receivedAt: NOW - 60_000,
  requestId: `req-${n}`,
  ...overrides,
});

/**
 * A message as processMessage leaves it: claimed at `at`, then finished with `outcome` (or left processing), through
 * the records' own functions.
 */
export const seedMessage = async (
  records: IncomingRecordStore,
  seen: SeenMessage,
  at: number,
  outcome?: FinalOutcome,
): Promise<IncomingRecord> => {
  const claim = await claimMessage(records, seen, { now: at, leaseMs: 120_000 });
  if (claim.kind !== 'claimed') throw new Error(`seeded twice: ${seen.internetMessageId}`);
  if (outcome === undefined) return claim.record;
  const finished = await finishMessage(records, claim.record, outcome, at + 1_000);
  if (finished === undefined) throw new Error('finish lost');
  return finished;
};
