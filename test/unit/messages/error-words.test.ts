import { ActionInputError, RuleActorNotAllowedError, RuleSendLimitError } from '../../../src/automation/errors';
import {
  CredentialInUseError,
  CredentialNotFoundError,
  CredentialReadByHandlersError,
  CredentialValidationError,
  NoCredentialConfiguredError,
  PrivateKeyMissingError,
  SecretMissingError,
  SecretRequiredError,
} from '../../../src/credentials/errors';
import { MessageTooLargeError, TraceUnavailableError } from '../../../src/delivery/errors';
import { HistoryRecordInvalidError } from '../../../src/history/history-store';
import { EndpointNotAllowedError } from '../../../src/http/errors';
import {
  IncomingHandlerOffError,
  IncomingLogCursorInvalidError,
  IncomingMessageNotFoundError,
  IncomingQueueUnavailableError,
  NotReprocessableError,
} from '../../../src/incoming/log/errors';
import { JiraError, JiraErrorCode, NotAdminError } from '../../../src/jira/errors';
import { MailValidationError, NotAllowedToSendError } from '../../../src/mail/errors';
import {
  MailHandlerInvalidError,
  MailHandlerNotFoundError,
  TooManyMailHandlersError,
} from '../../../src/mail-handlers/errors';
import {
  INCOMING_LOG_WORDS,
  JIRA_WORDS,
  MAIL_HANDLER_WORDS,
  MAIL_WORDS,
  NOTIFICATION_WORDS,
  OUTBOX_WORDS,
  STORE_WORDS,
  TEMPLATE_WORDS,
} from '../../../src/messages/app-words';
import { CREDENTIAL_WORDS } from '../../../src/messages/connection-words';
import { ERROR_WORDS, errorWords } from '../../../src/messages/error-words';
import { VALIDATION_MESSAGE } from '../../../src/messages/words';
import { NotificationError, NotificationErrorCode, RuleInvalidError } from '../../../src/notifications/errors';
import { TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { ContentTooLargeError } from '../../../src/outbox/email-contents';
import { EmailLogCursorInvalidError, OutboxError, OutboxErrorCode } from '../../../src/outbox/errors';
import {
  GoogleKeyError,
  GoogleKeyErrorCode,
  GoogleTokenError,
  GoogleTokenErrorCode,
} from '../../../src/providers/google/errors';
import { GmailError, GmailErrorCode } from '../../../src/providers/google/gmail/gmail-errors';
import { AttachmentSourceError, GraphError, GraphErrorCode } from '../../../src/providers/microsoft/graph/errors';
import { MICROSOFT_SERVICE_WORDS as GRAPH_WORDS } from '../../../src/providers/words';
import { NoIssueContextError } from '../../../src/resolvers/errors';
import { MailSettingsUnreadableError } from '../../../src/settings/mail-settings-store';
import type { AppError } from '../../../src/shared/app-error';
import { StorageError } from '../../../src/storage/errors';
import { InvalidStorageKeyError } from '../../../src/storage/keys';
import { RenderThreadError } from '../../../src/templates/render-thread-protocol';
import {
  BuiltInTemplateReadOnlyError,
  TemplateError,
  TemplateInUseError,
  TemplateNotFoundError,
} from '../../../src/templates/template-errors';

const RAW = 'raw text from a response';

/** One error of every code of every family, as the app raises it. */
const SAMPLES: readonly AppError[] = [
  ...Object.values(GraphErrorCode).map((code) => new GraphError(code, RAW)),
  ...Object.values(TokenErrorCode).map((code) => new TokenError(code, RAW)),
  ...Object.values(GmailErrorCode).map((code) => new GmailError(code, RAW)),
  ...Object.values(GoogleTokenErrorCode).map((code) => new GoogleTokenError(code, RAW)),
  ...Object.values(GoogleKeyErrorCode).map((code) => new GoogleKeyError(code, RAW)),
  ...Object.values(JiraErrorCode).map((code) => new JiraError(code, RAW)),
  ...Object.values(NotificationErrorCode)
    .filter((code) => code !== NotificationErrorCode.RuleInvalid)
    .map((code) => new NotificationError(code, RAW)),
  ...Object.values(OutboxErrorCode)
    .filter((code) => code !== OutboxErrorCode.CursorInvalid)
    .map((code) => new OutboxError(code, RAW)),
  new RuleInvalidError({ jql: 'Jira could not read the JQL.' }),
  new MailHandlerNotFoundError('handler-1'),
  new MailHandlerInvalidError({ folder: 'Another handler reads this folder.' }),
  new TooManyMailHandlersError(20),
  new IncomingMessageNotFoundError('a'.repeat(64)),
  new NotReprocessableError('a'.repeat(64), 'created'),
  new IncomingQueueUnavailableError(new Error(RAW)),
  new IncomingHandlerOffError('a'.repeat(64), 'handler-1'),
  new IncomingLogCursorInvalidError(new Error(RAW)),
  new EmailLogCursorInvalidError(new Error(RAW)),
  new NotAdminError(),
  new CredentialNotFoundError('c-1'),
  new NoCredentialConfiguredError(),
  new SecretMissingError('c-1'),
  new PrivateKeyMissingError('c-1'),
  new CredentialInUseError('c-1', ['Email this issue (default credential)']),
  new CredentialReadByHandlersError('c-1', ['Support inbox']),
  new CredentialValidationError({ scope: 'Use .default.' }),
  new SecretRequiredError(),
  new EndpointNotAllowedError('Graph base URL', 'https://x.example', 'no'),
  new AttachmentSourceError(RAW),
  new MailValidationError({ to: 'Too many.' }),
  new NotAllowedToSendError('Only members of jira-servicedesk-users may send.'),
  new MessageTooLargeError(200 * 1024 * 1024, 150 * 1024 * 1024),
  new TraceUnavailableError('The Google Workspace credential "Support" may only send (gmail.send).'),
  new ActionInputError('Choose a template.'),
  new RuleActorNotAllowedError('Only members of jira-servicedesk-users may send.'),
  new RuleSendLimitError('DEMO-1', 10),
  new TemplateError('body', 'tag "endif" not found', { line: 3, column: 5 }),
  new TemplateError('body', 'template render limit exceeded'),
  new TemplateNotFoundError('t-1'),
  new BuiltInTemplateReadOnlyError(),
  new TemplateInUseError('t-1'),
  new RenderThreadError(RAW),
  new ContentTooLargeError(5_000_000),
  new StorageError('get', 'credential:c-1', new Error(RAW)),
  new InvalidStorageKeyError('a credential'),
  new HistoryRecordInvalidError(RAW),
  new MailSettingsUnreadableError(RAW),
  new NoIssueContextError(),
];

/** Google's families have tables of their own, as the token family has (google-words.ts). */
const OWN_TABLES = (error: AppError): boolean =>
  error instanceof TokenError ||
  error instanceof GmailError ||
  error instanceof GoogleTokenError ||
  error instanceof GoogleKeyError;

/** Codes no one is given words for: bugs and broken invariants, answered as INTERNAL_ERROR. */
const UNWORDED = ['RENDER_THREAD_FAILED', 'STORAGE_KEY_INVALID', 'ATTACHMENT_SOURCE_INVALID'];

/** Codes answered as VALIDATION_FAILED: the fields say what to correct. */
const VALIDATION = [
  'CREDENTIAL_INVALID',
  'SECRET_REQUIRED',
  'MAIL_INVALID',
  'NOTIFICATION_RULE_INVALID',
  'MAIL_HANDLER_INVALID',
  'EMAIL_LOG_CURSOR_INVALID',
  'INCOMING_LOG_CURSOR_INVALID',
];

/**
 * Sentences several codes share on purpose: an agent is told the same where the same person fixes it the same way
 * (their admin, or waiting).
 */
const SHARED_FOR_AGENTS = [
  ['GRAPH_ACCESS_DENIED', 'GRAPH_APP_ACCESS_POLICY_DENIED'],
  ['GRAPH_BAD_REQUEST', 'GRAPH_REQUEST_FAILED'],
  [
    'ENDPOINT_NOT_ALLOWED',
    'GRAPH_UNAUTHORIZED',
    'TOKEN_APP_NOT_FOUND',
    'TOKEN_CLIENT_ASSERTION_FAILED',
    'TOKEN_CLIENT_SECRET_EXPIRED',
    'TOKEN_INVALID_CLIENT_ASSERTION',
    'TOKEN_INVALID_CLIENT_SECRET',
    'TOKEN_INVALID_SCOPE',
    'TOKEN_NO_CLIENT_CREDENTIAL',
    'TOKEN_REJECTED',
    'TOKEN_RESPONSE_INVALID',
    'TOKEN_TENANT_NOT_FOUND',
  ],
  ['PRIVATE_KEY_MISSING', 'SECRET_MISSING'],
  ['TEMPLATE_INVALID', 'TEMPLATE_LIMIT_EXCEEDED'],
  ['TOKEN_ENDPOINT_ERROR', 'TOKEN_ENDPOINT_TIMEOUT', 'TOKEN_ENDPOINT_UNREACHABLE'],
  // Google Workspace: the admin fixes a refused sign-in or key; waiting fixes an unreachable sign-in.
  [
    'GMAIL_UNAUTHORIZED',
    ...Object.values(GoogleTokenErrorCode).filter(
      (code) =>
        !['GOOGLE_TOKEN_ENDPOINT_UNREACHABLE', 'GOOGLE_TOKEN_ENDPOINT_TIMEOUT', 'GOOGLE_TOKEN_ENDPOINT_ERROR'].includes(
          code,
        ),
    ),
  ],
  ['GOOGLE_TOKEN_ENDPOINT_ERROR', 'GOOGLE_TOKEN_ENDPOINT_TIMEOUT', 'GOOGLE_TOKEN_ENDPOINT_UNREACHABLE'],
  ['GMAIL_ENDPOINT_NOT_ALLOWED', ...Object.values(GoogleKeyErrorCode)],
];

const worded = SAMPLES.filter((error) => !UNWORDED.includes(error.code));
const label = (error: AppError): string => `${error.name} ${error.code}`;

describe('the words for every error code', () => {
  it('has a sample of every code in the table, and no code the table does not know', () => {
    const sampled = new Set(SAMPLES.filter((error) => !OWN_TABLES(error)).map((error) => error.code));
    expect([...sampled].sort()).toEqual(Object.keys(ERROR_WORDS).sort());
  });

  it('keys each code in one family table only', () => {
    const tables = [
      GRAPH_WORDS,
      CREDENTIAL_WORDS,
      OUTBOX_WORDS,
      NOTIFICATION_WORDS,
      MAIL_HANDLER_WORDS,
      INCOMING_LOG_WORDS,
      JIRA_WORDS,
      TEMPLATE_WORDS,
      MAIL_WORDS,
      STORE_WORDS,
    ];
    const keys = tables.flatMap((table) => Object.keys(table));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(Object.keys(ERROR_WORDS).length);
  });

  it('gives every family an AppError with a stable code and a name', () => {
    for (const error of SAMPLES) {
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(error.name).toMatch(/^[A-Z]\w+Error$/);
    }
  });

  it.each(worded.map((error) => [label(error), error]))('words %s for an admin and an agent', (_label, error) => {
    for (const audience of ['admin', 'user'] as const) {
      const said = errorWords(error, audience);
      expect(said?.code).toBe(error.code);
      expect(said?.message).toMatch(/^[A-Z"].{15,}[.)]$/);
      expect(said?.message).not.toContain(RAW);
    }
  });

  it.each(UNWORDED)('gives %s no words, like an unknown error', (code) => {
    const error = SAMPLES.find((sample) => sample.code === code);
    expect(errorWords(error, 'admin')).toBeUndefined();
    expect(errorWords(error, 'user')).toBeUndefined();
  });

  it('answers a form to correct as validation, with its fields, to everyone', () => {
    const validation = worded.filter((error) => errorWords(error, 'user')?.validation);
    expect(validation.map((error) => error.code).sort()).toEqual([...VALIDATION].sort());
    for (const error of validation) {
      const said = errorWords(error, 'user');
      expect(said?.message).toBe(VALIDATION_MESSAGE);
      expect(Object.keys(said?.fieldErrors ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('has an admin sentence of its own for every code but validation (a token failure is worded by its AADSTS number)', () => {
    const byMessage = new Map<string, Set<string>>();
    for (const error of worded.filter((sample) => !(sample instanceof TokenError))) {
      const said = errorWords(error, 'admin');
      if (said === undefined || said.validation) continue;
      byMessage.set(said.message, (byMessage.get(said.message) ?? new Set()).add(error.code));
    }
    const shared = [...byMessage.values()].filter((codes) => codes.size > 1).map((codes) => [...codes].sort());
    expect(shared).toEqual([]);
  });

  it('shares an agent sentence between codes only where intended', () => {
    const byMessage = new Map<string, Set<string>>();
    for (const error of worded) {
      const said = errorWords(error, 'user');
      if (said === undefined || said.validation) continue;
      byMessage.set(said.message, (byMessage.get(said.message) ?? new Set()).add(error.code));
    }
    const shared = [...byMessage.values()].filter((codes) => codes.size > 1).map((codes) => [...codes].sort());
    expect(shared.sort()).toEqual(SHARED_FOR_AGENTS.map((codes) => [...codes].sort()).sort());
  });

  it('knows nothing of errors outside the families', () => {
    expect(errorWords(new Error(RAW), 'admin')).toBeUndefined();
    expect(errorWords(RAW, 'user')).toBeUndefined();
  });
});
