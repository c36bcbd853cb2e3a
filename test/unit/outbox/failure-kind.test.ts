import { CredentialNotFoundError } from '../../../src/credentials/errors';
import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import { TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { ContentTooLargeError } from '../../../src/outbox/email-contents';
import { ContentMissingError, WriteConflictError } from '../../../src/outbox/errors';
import { type FailureKind, failureKind, requestIdOf, technicalNote } from '../../../src/outbox/failure-kind';
import { GraphError, GraphErrorCode } from '../../../src/providers/microsoft/graph/errors';
import { StorageError } from '../../../src/storage/errors';

const RETRY: FailureKind = { kind: 'retry' };
const UNSURE: FailureKind = { kind: 'unsure' };
const FINAL: FailureKind = { kind: 'final' };

const GRAPH: Record<GraphErrorCode, FailureKind> = {
  [GraphErrorCode.Unauthorized]: FINAL,
  [GraphErrorCode.AccessDenied]: FINAL,
  [GraphErrorCode.AppAccessPolicyDenied]: FINAL,
  [GraphErrorCode.DirectoryAccessDenied]: FINAL,
  [GraphErrorCode.MailboxNotFound]: FINAL,
  [GraphErrorCode.MailboxNotEnabled]: FINAL,
  [GraphErrorCode.InvalidRecipients]: FINAL,
  [GraphErrorCode.RequestTooLarge]: FINAL,
  [GraphErrorCode.Throttled]: RETRY,
  [GraphErrorCode.Unavailable]: RETRY,
  [GraphErrorCode.BadRequest]: FINAL,
  [GraphErrorCode.RequestFailed]: FINAL,
  [GraphErrorCode.Unreachable]: UNSURE,
  [GraphErrorCode.Timeout]: UNSURE,
  [GraphErrorCode.ResponseInvalid]: UNSURE,
  [GraphErrorCode.EndpointNotAllowed]: FINAL,
};

const TOKEN: Record<TokenErrorCode, FailureKind> = {
  [TokenErrorCode.InvalidClientSecret]: FINAL,
  [TokenErrorCode.ClientSecretExpired]: FINAL,
  [TokenErrorCode.AppNotFound]: FINAL,
  [TokenErrorCode.TenantNotFound]: FINAL,
  [TokenErrorCode.InvalidScope]: FINAL,
  [TokenErrorCode.NoClientCredential]: FINAL,
  [TokenErrorCode.InvalidClientAssertion]: FINAL,
  [TokenErrorCode.ClientAssertionFailed]: FINAL,
  [TokenErrorCode.Rejected]: FINAL,
  [TokenErrorCode.EndpointUnreachable]: RETRY,
  [TokenErrorCode.EndpointTimeout]: RETRY,
  [TokenErrorCode.EndpointError]: RETRY,
  [TokenErrorCode.ResponseInvalid]: FINAL,
  [TokenErrorCode.EndpointNotAllowed]: FINAL,
};

const JIRA: Record<JiraErrorCode, FailureKind> = {
  [JiraErrorCode.IssueNotFound]: FINAL,
  [JiraErrorCode.Forbidden]: FINAL,
  [JiraErrorCode.RequestFailed]: RETRY,
  [JiraErrorCode.ResponseInvalid]: FINAL,
  [JiraErrorCode.JqlRejected]: FINAL,
  [JiraErrorCode.FieldsRefused]: FINAL,
  [JiraErrorCode.AttachmentTooLarge]: FINAL,
};

describe('failureKind', () => {
  it.each(Object.entries(GRAPH))('Graph %s is %j', (code, kind) => {
    expect(failureKind(new GraphError(code as GraphErrorCode, 'm'))).toEqual(kind);
  });

  it.each(Object.entries(TOKEN))('token %s is %j', (code, kind) => {
    expect(failureKind(new TokenError(code as TokenErrorCode, 'm'))).toEqual(kind);
  });

  it.each(Object.entries(JIRA))('Jira %s is %j', (code, kind) => {
    expect(failureKind(new JiraError(code as JiraErrorCode, 'm'))).toEqual(kind);
  });

  it.each([
    ['Throttled', GraphErrorCode.Throttled],
    ['Unavailable', GraphErrorCode.Unavailable],
  ])('keeps Retry-After of %s', (_name, code) => {
    expect(failureKind(new GraphError(code, 'm', { retryAfterSeconds: 7 }))).toEqual({
      kind: 'retry',
      retryAfterSeconds: 7,
    });
  });

  it.each<[string, unknown, FailureKind]>([
    ['storage trouble', new StorageError('get', 'k', new Error('x')), RETRY],
    ['a deleted credential', new CredentialNotFoundError('cred-1'), FINAL],
    ['content no longer stored', new ContentMissingError('e'), FINAL],
    ['content too large', new ContentTooLargeError(5_000_000), FINAL],
    ['a lost race', new WriteConflictError('x'), FINAL],
    ['any other error', new TypeError('x'), FINAL],
    ['a thrown string', 'x', FINAL],
  ])('%s is %j', (_name, error, kind) => {
    expect(failureKind(error)).toEqual(kind);
  });
});

describe('technicalNote and requestIdOf', () => {
  it.each<[unknown, string]>([
    [
      new GraphError(GraphErrorCode.Throttled, 'POST graph.microsoft.com/v1.0/users/a%40b.com/sendMail answered 429.'),
      'POST graph.microsoft.com/v1.0/users/a%40b.com/sendMail answered 429',
    ],
    [
      new TokenError(TokenErrorCode.EndpointTimeout, 'POST login.microsoftonline.com/t/oauth2/v2.0/token timed out.'),
      'POST login.microsoftonline.com/t/oauth2/v2.0/token timed out',
    ],
    [
      new JiraError(JiraErrorCode.RequestFailed, 'GET /rest/api/3/attachment/content/1 answered 502.'),
      'GET /rest/api/3/attachment/content/1 answered 502',
    ],
    [
      new StorageError('get', 'email-content:e.0', { code: 'RATE_LIMIT_EXCEEDED' }),
      'Forge storage get of "email-content:e.0" failed (RATE_LIMIT_EXCEEDED)',
    ],
    // Anything else may carry text from anywhere: only its class.
    [new ContentMissingError('e'), 'ContentMissingError'],
    [new TypeError('secret-ish text'), 'TypeError'],
    ['a string', 'An unknown error'],
  ])('technicalNote(%s) is %j', (error, note) => {
    expect(technicalNote(error)).toBe(note);
  });

  it("answers Graph's request-id, and nothing for other errors", () => {
    expect(requestIdOf(new GraphError(GraphErrorCode.Unavailable, 'm', { requestId: 'req-1' }))).toBe('req-1');
    expect(requestIdOf(new GraphError(GraphErrorCode.Unavailable, 'm'))).toBeUndefined();
    expect(requestIdOf(new TokenError(TokenErrorCode.EndpointError, 'm'))).toBeUndefined();
  });
});
