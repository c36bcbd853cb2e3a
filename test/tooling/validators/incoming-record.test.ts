import { incomingRecordSchema } from '../../../src/incoming/records/incoming-record-schema';
import { validateIncomingRecord } from '../../../src/incoming/records/validate-incoming-record';
import { expectSameVerdicts, type Sample } from './same-verdict';

const record = {
  messageKey: 'a'.repeat(64),
  version: 2,
  status: 'commented',
  createdAt: 1,
  updatedAt: 2,
  internetMessageId: '<m@example.com>',
  handlerId: 'h-1',
  mailbox: 'support@example.com',
  graphMessageId: 'AAMk=',
  from: { name: 'Ann', address: 'Ann@Example.com' },
  sender: 'ann@example.com',
  subject: 'RE: [DEMO-1] Hello',
  receivedAt: 3,
  attempts: 1,
};
const { status: _status, ...withoutStatus } = record;
const { from: _from, ...withoutFrom } = record;

const samples: Sample[] = [
  ['a record', record],
  [
    'every optional field',
    {
      ...record,
      conversationId: 'c',
      leaseUntil: 9,
      target: { kind: 'comment', key: 'DEMO-1' },
      issueKey: 'DEMO-1',
      commentId: '10100',
      reason: 'auto-reply',
      error: { code: 'X', message: 'm' },
      requestId: 'r',
      alsoSeenBy: ['h-2'],
    },
  ],
  ['a sender without a name', { ...record, from: { address: 'a@example.com' } }],
  ['unknown keys, stripped', { ...record, legacy: 1, target: { kind: 'issue', key: 'DEMO', issueKey: 'x' } }],
  ['a key that is not a digest', { ...record, messageKey: 'in:abc' }],
  ['an upper-case digest', { ...record, messageKey: 'A'.repeat(64) }],
  ['an unknown status', { ...record, status: 'lost' }],
  ['missing status', withoutStatus],
  ['missing from', withoutFrom],
  ['a target of an unknown kind', { ...record, target: { kind: 'email', key: 'x' } }],
  ['a target without its key', { ...record, target: { kind: 'comment' } }],
  ['an error without a message', { ...record, error: { code: 'c' } }],
  ['alsoSeenBy holding a number', { ...record, alsoSeenBy: ['h', 2] }],
  ['attempts negative', { ...record, attempts: -1 }],
  ['a missing field after a bad one', { ...withoutStatus, version: -1 }],
  ['null', null],
];

describe('the generated incoming record validator judges as incomingRecordSchema', () => {
  expectSameVerdicts(incomingRecordSchema, validateIncomingRecord, samples);
});
