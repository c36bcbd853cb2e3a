import { acceptedSchema, refusedSchema } from '../../../src/credentials/traffic-schema';
import * as generatedToken from '../../../src/generated/cached-token';
import * as generatedContent from '../../../src/generated/email-content';
import * as generatedGraph from '../../../src/generated/graph-answers';
import * as generatedHistory from '../../../src/generated/history-record';
import * as generatedLogSettings from '../../../src/generated/log-settings';
import * as generatedJob from '../../../src/generated/outbox-job';
import * as generatedPace from '../../../src/generated/pace';
import * as generatedCopy from '../../../src/generated/send-setup';
import * as generatedTraffic from '../../../src/generated/traffic';
import * as generatedWarning from '../../../src/generated/warning';
import { historyRecordSchema, threadRefSchema } from '../../../src/history/history-record-schema';
import { cachedTokenSchema } from '../../../src/oauth/cached-token-schema';
import { contentSchema } from '../../../src/outbox/email-content-schema';
import { storedLogSettingsSchema } from '../../../src/outbox/log-settings-schema';
import { jobSchema, retryContextSchema } from '../../../src/outbox/outbox-job-schema';
import { paceSchema } from '../../../src/outbox/pace-schema';
import {
  createdDraftSchema,
  graphErrorBodySchema,
  lookupSchema,
  progressSchema,
  uploadSessionSchema,
  usersSchema,
} from '../../../src/providers/microsoft/graph/graph-answer-schemas';
import { type StandaloneValidate, standaloneValidator } from '../../../src/shared/validator';
import { copySchema } from '../../../src/storage/send-setup-schema';
import { adminWarningsSchema } from '../../../src/warnings/warning-schema';
import { expectSameVerdicts, type Sample } from './same-verdict';

const validator = (validate: unknown) => standaloneValidator<unknown>(validate as StandaloneValidate);

const history = {
  id: 'e-1',
  issueKey: 'DEMO-1',
  at: '2026-01-01T00:00:00.000Z',
  sender: { accountId: 'a', name: 'Ann' },
  from: 'mail@example.com',
  to: ['b@example.com'],
  cc: [],
  bccCount: 0,
  subject: 's',
  status: 'sent',
  attachmentCount: 2,
};
const { subject: _subject, ...historyWithoutSubject } = history;

describe('history entries', () => {
  expectSameVerdicts(historyRecordSchema, validator(generatedHistory.validateHistoryRecord), [
    ['an entry', history],
    [
      'every optional field',
      {
        ...history,
        error: 'e',
        resentBy: { accountId: 'b', name: 'B' },
        internetMessageId: '<m>',
        messageId: 'm',
        conversationId: 'c',
      },
    ],
    ['an unknown key, stripped', { ...history, body: 'x', sender: { accountId: 'a', name: 'n', email: 'e' } }],
    ['no subject', historyWithoutSubject],
    ['no subject and a bad bccCount before it', { ...historyWithoutSubject, bccCount: -2 }],
    ['a queued status', { ...history, status: 'queued' }],
    ['a fractional attachment count', { ...history, attachmentCount: 0.5 }],
    ['a sender without a name', { ...history, sender: { accountId: 'a' } }],
    ['cc holding null', { ...history, cc: [null] }],
  ] satisfies Sample[]);
  expectSameVerdicts(threadRefSchema, validator(generatedHistory.validateThreadRef), [
    ['a thread', { issueId: '1', issueKey: 'K-1', emailId: 'e' }],
    ['no email id', { issueId: '1', issueKey: 'K-1' }],
    ['a number', 5],
  ] satisfies Sample[]);
});

const content = {
  subject: 's',
  html: '<p>x</p>',
  to: ['a@example.com'],
  cc: [],
  bcc: [],
  headers: [{ name: 'X-A', value: '1' }],
  attachments: [{ id: '1', filename: 'a.txt', mimeType: 'text/plain', size: 3 }],
};

describe('email contents', () => {
  expectSameVerdicts(contentSchema, validator(generatedContent.validateContent), [
    ['a content', content],
    [
      'every optional field',
      {
        ...content,
        replyTo: ['r@example.com'],
        readAs: 'acc',
        attachments: [{ ...content.attachments[0], contentId: 'c', inline: true }],
      },
    ],
    ['an empty readAs', { ...content, readAs: '' }],
    ['a header without a value', { ...content, headers: [{ name: 'X' }] }],
    ['an attachment of unknown size', { ...content, attachments: [{ ...content.attachments[0], size: 'big' }] }],
    ['inline a string', { ...content, attachments: [{ ...content.attachments[0], inline: 'yes' }] }],
    ['html missing', { ...content, html: undefined }],
  ] satisfies Sample[]);
});

describe('outbox jobs', () => {
  const job = { emailId: '0f8fad5b-d9cb-469f-a165-70867728950e', ticket: 't-1' };
  expectSameVerdicts(jobSchema, validator(generatedJob.validateJob), [
    ['a job', job],
    ['an extra field, stripped', { ...job, extra: 1 }],
    ['an email id that is no uuid', { ...job, emailId: 'x' }],
    ['an email id in capitals', { ...job, emailId: job.emailId.toUpperCase() }],
    ['an empty ticket', { ...job, ticket: '' }],
    ['a ticket of 101 characters', { ...job, ticket: 'x'.repeat(101) }],
    ['a ticket of 100 characters', { ...job, ticket: 'x'.repeat(100) }],
    ['a ticket of astral characters', { ...job, ticket: '\u{1F600}'.repeat(50) }],
    ['no body', undefined],
  ] satisfies Sample[]);
  expectSameVerdicts(retryContextSchema, validator(generatedJob.validateRetryContext), [
    ['a retry', { retryCount: 2 }],
    ['a negative count', { retryCount: -1 }],
    ['no count', {}],
    ['no context', undefined],
  ] satisfies Sample[]);
});

describe('pace logs', () => {
  expectSameVerdicts(paceSchema, validator(generatedPace.validatePace), [
    [
      'a log',
      {
        version: 3,
        slots: [
          [1, 'e-1'],
          [2, 'e-2', 1],
        ],
      },
    ],
    ['an empty log', { version: 0, slots: [] }],
    ['a slot with a bad mark', { version: 1, slots: [[1, 'e', 2]] }],
    ['a slot too long', { version: 1, slots: [[1, 'e', 1, 4]] }],
    ['a slot too short', { version: 1, slots: [[1]] }],
    ['a slot of the wrong types', { version: 1, slots: [['1', 'e']] }],
    ['a fractional version', { version: 1.5, slots: [] }],
  ] satisfies Sample[]);
});

describe('cached tokens', () => {
  const token = { accessToken: 'x', expiresAt: 5, fingerprint: 'a'.repeat(64) };
  expectSameVerdicts(cachedTokenSchema, validator(generatedToken.validateCachedToken), [
    ['a token', token],
    ['an empty token', { ...token, accessToken: '' }],
    ['expiring at 0', { ...token, expiresAt: 0 }],
    ['a short fingerprint', { ...token, fingerprint: 'abc' }],
    ['a fingerprint in capitals', { ...token, fingerprint: 'A'.repeat(64) }],
    ['not stored', undefined],
  ] satisfies Sample[]);
});

describe('send setup copies', () => {
  expectSameVerdicts(copySchema, validator(generatedCopy.validateCopy), [
    [
      'a copy',
      {
        entries: [
          ['credential:a', { id: 'a' }],
          ['mail-settings', null],
        ],
      },
    ],
    ['an entry without a value', { entries: [['credential:a']] }],
    ['an entry with a value undefined', { entries: [['credential:a', undefined]] }],
    ['an entry too long', { entries: [['a', 1, 2]] }],
    ['a key that is a number', { entries: [[1, 1]] }],
    ['no entries', {}],
  ] satisfies Sample[]);
});

describe('admin warnings', () => {
  const warning = {
    credentialId: 'c',
    credentialName: 'n',
    kind: 'token-refused',
    severity: 'error',
    message: 'm',
    recordedAt: 'r',
  };
  expectSameVerdicts(adminWarningsSchema, validator(generatedWarning.validateAdminWarnings), [
    ['warnings', { warnings: [warning, { ...warning, date: 'd', code: 'c' }], checkedAt: 'x' }],
    ['none', { warnings: [] }],
    ['an unknown kind', { warnings: [{ ...warning, kind: 'fire' }] }],
    ['a bad severity after a missing name', { warnings: [{ ...warning, credentialName: undefined, severity: 'x' }] }],
  ] satisfies Sample[]);
});

describe('credential traffic', () => {
  expectSameVerdicts(acceptedSchema, validator(generatedTraffic.validateAccepted), [
    ['an accepted email', { at: 'x' }],
    ['none', undefined],
  ] satisfies Sample[]);
  expectSameVerdicts(refusedSchema, validator(generatedTraffic.validateRefused), [
    ['a refused email', { at: 'x', code: 'c', message: 'm' }],
    ['no message', { at: 'x', code: 'c' }],
  ] satisfies Sample[]);
});

describe('Graph answers', () => {
  const read = (name: keyof typeof generatedGraph) => validator(generatedGraph[name]);
  expectSameVerdicts(graphErrorBodySchema, read('validateGraphErrorBody'), [
    ['an error', { error: { code: 'ErrorAccessDenied', message: 'm', innerError: { 'request-id': 'r', date: 'd' } } }],
    ['an error without a message', { error: { code: 'x' } }],
    ['a code that is a number', { error: { code: 5 } }],
    ['no error', { value: [] }],
    ['an HTML page', 'Service Unavailable'],
  ] satisfies Sample[]);
  expectSameVerdicts(uploadSessionSchema, read('validateUploadSession'), [
    ['a session', { uploadUrl: 'https://u', expirationDateTime: '2026-01-01T00:00:00Z' }],
    ['a null expiry', { uploadUrl: 'https://u', expirationDateTime: null }],
    ['an expiry that is a number', { uploadUrl: 'https://u', expirationDateTime: 5 }],
    ['an empty url', { uploadUrl: '' }],
  ] satisfies Sample[]);
  expectSameVerdicts(progressSchema, read('validateUploadProgress'), [
    ['camelCase', { nextExpectedRanges: ['4194304-'] }],
    ['PascalCase', { NextExpectedRanges: ['4194304'] }],
    ['ranges that are numbers', { nextExpectedRanges: [5] }],
  ] satisfies Sample[]);
  expectSameVerdicts(createdDraftSchema, read('validateCreatedDraft'), [
    ['a draft', { id: 'AAM', internetMessageId: '<m>', conversationId: null, subject: 's' }],
    ['no id', { internetMessageId: '<m>' }],
    ['a conversation id that is an object', { id: 'x', conversationId: {} }],
  ] satisfies Sample[]);
  expectSameVerdicts(lookupSchema, read('validateMessageLookup'), [
    ['found', { value: [{ id: 'a', isDraft: false }, { id: 'b', isDraft: null }, { id: 'c' }] }],
    ['isDraft a string', { value: [{ id: 'a', isDraft: 'no' }] }],
    ['an empty id', { value: [{ id: '' }] }],
  ] satisfies Sample[]);
  expectSameVerdicts(usersSchema, read('validateUsers'), [
    ['people', { value: [{ displayName: 'A', mail: null, jobTitle: 'j' }, {}] }],
    ['a mail that is a number', { value: [{ mail: 1 }] }],
    ['no value', {}],
  ] satisfies Sample[]);
});

describe("email log settings, the verdict only (the messages are the admin form's own)", () => {
  expectSameVerdicts(
    storedLogSettingsSchema,
    validator(generatedLogSettings.validateStoredLogSettings),
    [
      ['90 days', { retentionDays: 90 }],
      ['a day', { retentionDays: 1 }],
      ['a year', { retentionDays: 365 }],
      ['none', { retentionDays: 0 }],
      ['too many', { retentionDays: 366 }],
      ['half a day', { retentionDays: 1.5 }],
      ['a string', { retentionDays: '30' }],
      ['an unknown key, stripped', { retentionDays: 30, old: true }],
      ['nothing stored', undefined],
    ],
    { verdictOnly: true },
  );
});
