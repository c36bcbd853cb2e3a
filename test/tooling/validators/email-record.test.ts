import { emailRecordSchema } from '../../../src/outbox/email-record-schema';
import { validateEmailRecord } from '../../../src/outbox/validate-email-record';
import { expectSameVerdicts, type Sample } from './same-verdict';

const record = {
  emailId: 'e-1',
  version: 3,
  status: 'sent',
  createdAt: 1,
  updatedAt: 2,
  kind: 'issue',
  issueId: '10001',
  issueKey: 'DEMO-1',
  credentialId: 'c-1',
  senderMailbox: 'mail@example.com',
  internetMessageId: '<m@example.com>',
  subject: 'Hello',
  to: ['a@example.com'],
  cc: [],
  bccCount: 0,
  attachmentCount: 1,
  requestedBy: { accountId: 'acc', name: 'Ann' },
  attempts: 1,
  roundAttempts: 1,
  events: [{ at: '2026-01-01T00:00:00Z', status: 'queued', note: 'Queued' }],
  followUps: ['history'],
  commentAfterSend: false,
  contentChunks: 1,
};
const { kind: _kind, ...withoutKind } = record;
const { issueKey: _issueKey, ...withoutIssueKey } = record;
const { emailId: _emailId, ...withoutEmailId } = record;
const { status: _status, ...withoutStatus } = record;

const samples: Sample[] = [
  ['a record', record],
  [
    'every optional field',
    {
      ...record,
      resentBy: { accountId: 'b', name: 'Bo' },
      lastError: { code: 'X', message: 'm', senderMessage: 's', transient: true },
      requestId: 'r',
      sentAt: 3,
      finishedAt: 4,
      nextAttemptAt: 5,
      slotAt: 6,
      attempt: { number: 1, ticket: 't', startedAt: 1, deadlineAt: 2, slotAt: 3 },
      unsure: { since: 1 },
      events: [
        {
          at: 'x',
          from: 'queued',
          status: 'sent',
          note: 'n',
          attempt: 1,
          requestId: 'r',
          error: { code: 'c', message: 'm' },
        },
      ],
    },
  ],
  ['no kind: an issue email', withoutKind],
  ['no kind and no issue', { ...withoutKind, issueId: undefined, issueKey: undefined }],
  [
    'a connection test without an issue',
    { ...record, kind: 'connection-test', issueId: undefined, issueKey: undefined },
  ],
  ['an issue email without its key', withoutIssueKey],
  ['no internetMessageId: stored so for a connection test', { ...record, internetMessageId: undefined }],
  ['optional fields undefined', { ...record, sentAt: undefined, attempt: undefined }],
  ['unknown keys, stripped', { ...record, legacy: 1, requestedBy: { accountId: 'a', name: 'n', extra: true } }],
  ['missing emailId', withoutEmailId],
  ['missing status (an enum)', withoutStatus],
  ['emailId undefined', { ...record, emailId: undefined }],
  ['emailId a number', { ...record, emailId: 5 }],
  ['version a string', { ...record, version: '3' }],
  ['version a fraction', { ...record, version: 1.5 }],
  ['version negative', { ...record, version: -1 }],
  ['version beyond safe integers', { ...record, version: 2 ** 60 }],
  ['createdAt NaN', { ...record, createdAt: Number.NaN }],
  ['createdAt Infinity', { ...record, createdAt: Number.POSITIVE_INFINITY }],
  ['createdAt null', { ...record, createdAt: null }],
  ['an unknown status', { ...record, status: 'lost' }],
  ['an unknown kind', { ...record, kind: 'newsletter' }],
  ['to not an array', { ...record, to: 'a@example.com' }],
  ['to holding a number', { ...record, to: ['a', 2] }],
  ['an event without a note', { ...record, events: [{ at: 'x', status: 'sent' }] }],
  ['an event with a bad status', { ...record, events: [record.events[0], { at: 'x', status: 'nope', note: '' }] }],
  ['an event error without a message', { ...record, events: [{ ...record.events[0], error: { code: 'c' } }] }],
  ['an unknown follow-up', { ...record, followUps: ['history', 'tweet'] }],
  ['requestedBy an array', { ...record, requestedBy: [] }],
  ['attempt without a ticket', { ...record, attempt: { number: 1, startedAt: 1, deadlineAt: 2 } }],
  ['lastError transient a string', { ...record, lastError: { code: 'c', message: 'm', transient: 'yes' } }],
  ['a missing field after a bad one', { ...withoutStatus, version: -1 }],
  ['a missing field before a bad one', { ...withoutEmailId, version: 'x' }],
  ['a nested missing field before a bad one', { ...record, requestedBy: { name: 5 } }],
  ['a bad event after a missing field', { ...withoutStatus, events: [{ at: 1 }] }],
  ['not an object', 'record'],
  ['null', null],
  ['an array', [record]],
];

describe('the generated email record validator judges as emailRecordSchema', () => {
  expectSameVerdicts(emailRecordSchema, validateEmailRecord, samples);
});
