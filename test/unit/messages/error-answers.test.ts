import {
  CredentialInUseError,
  CredentialNotFoundError,
  CredentialReadByHandlersError,
  NoCredentialConfiguredError,
  PrivateKeyMissingError,
  SecretMissingError,
} from '../../../src/credentials/errors';
import { EndpointNotAllowedError } from '../../../src/http/errors';
import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import { MailValidationError } from '../../../src/mail/errors';
import { diagnosticsOf, toResolverError } from '../../../src/messages/error-answers';
import { tokenErrorGuidance } from '../../../src/oauth/aadsts-guidance';
import { TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { GraphError, GraphErrorCode } from '../../../src/providers/microsoft/graph/errors';
import { NoIssueContextError } from '../../../src/resolvers/errors';

const RAW = 'raw text from a response';

describe('toResolverError', () => {
  it.each(Object.values(GraphErrorCode))('gives %s a fixed message of its own', (code) => {
    const answer = toResolverError(new GraphError(code, RAW), 'user');
    expect(answer?.code).toBe(code);
    expect(answer?.message).toMatch(/^[A-Z].{20,}\.$/);
    expect(answer?.message).not.toContain(RAW);
  });

  it('never gives an admin the same message for two Graph codes', () => {
    const messages = Object.values(GraphErrorCode).map(
      (code) => toResolverError(new GraphError(code, RAW), 'admin')?.message,
    );
    expect(new Set(messages).size).toBe(messages.length);
  });

  it.each(Object.values(TokenErrorCode))('tells an admin the guidance for %s', (code) => {
    const error = new TokenError(code, RAW, { aadstsCode: 7000215 });
    expect(toResolverError(error, 'admin')).toEqual({ code, message: tokenErrorGuidance(error) });
  });

  it.each([
    [TokenErrorCode.EndpointUnreachable, true],
    [TokenErrorCode.EndpointTimeout, true],
    [TokenErrorCode.EndpointError, true],
    [TokenErrorCode.InvalidClientSecret, false],
    [TokenErrorCode.ClientSecretExpired, false],
    [TokenErrorCode.Rejected, false],
  ])('tells a sender about %s: wait it out (%s) or ask the admin', (code, transient) => {
    const message = toResolverError(new TokenError(code, RAW), 'user')?.message ?? '';
    expect(message.includes('Tell your Jira admin')).toBe(!transient);
  });

  it.each(Object.values(JiraErrorCode))('gives %s a fixed message', (code) => {
    expect(toResolverError(new JiraError(code, RAW), 'user')).toMatchObject({
      code,
      message: expect.not.stringContaining(RAW),
    });
  });

  it.each([
    [
      new CredentialNotFoundError('x'),
      'admin',
      'CREDENTIAL_NOT_FOUND',
      'That credential no longer exists. Reload the page.',
    ],
    [new NoCredentialConfiguredError(), 'admin', 'NOT_CONFIGURED', 'Add a Microsoft 365 credential first.'],
    [
      new SecretMissingError('x'),
      'user',
      'SECRET_MISSING',
      "Issue Mailer's connection to Microsoft 365 is not complete. Tell your Jira admin; the email log has the details.",
    ],
    [new NoIssueContextError(), 'user', 'NO_ISSUE_CONTEXT', 'Open "Email this issue" from a Jira issue.'],
    [
      new EndpointNotAllowedError('Graph base URL', 'https://x.example', 'no'),
      'admin',
      'ENDPOINT_NOT_ALLOWED',
      "Issue Mailer sends mail only through Microsoft Graph's hosts (graph.microsoft.com, or a national cloud's). Check the Graph API base URL on the Issue Mailer admin page.",
    ],
    [
      new CredentialInUseError('x', ['Email this issue (default credential)']),
      'admin',
      'CREDENTIAL_IN_USE',
      'Email this issue sends through this credential as the default. Make another credential the default first.',
    ],
    [
      new CredentialReadByHandlersError('x', ['Support inbox']),
      'admin',
      'CREDENTIAL_READ_BY_HANDLERS',
      'Mail handlers read their mailbox through this credential. Choose another credential for them, or delete them, first.',
    ],
    [
      new PrivateKeyMissingError('x'),
      'admin',
      'PRIVATE_KEY_MISSING',
      'No private key is stored for this credential. Edit it, paste the certificate and its private key and save.',
    ],
    [
      new PrivateKeyMissingError('x'),
      'user',
      'PRIVATE_KEY_MISSING',
      "Issue Mailer's connection to Microsoft 365 is not complete. Tell your Jira admin; the email log has the details.",
    ],
  ] as const)('maps %s for %s', (error, audience, code, message) => {
    expect(toResolverError(error, audience)).toEqual({ code, message });
  });

  it('answers field errors of the mail family as VALIDATION_FAILED', () => {
    expect(toResolverError(new MailValidationError({ to: 'Too many.' }), 'user')).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Check the highlighted fields.',
      fieldErrors: { to: 'Too many.' },
    });
  });

  it('knows nothing of other errors', () => {
    expect(toResolverError(new Error(RAW), 'admin')).toBeUndefined();
  });
});

describe('diagnosticsOf', () => {
  it('lists ids and statuses, and drops values that are not plain ids', () => {
    const error = new GraphError('GRAPH_ACCESS_DENIED', RAW, {
      status: 403,
      graphCode: 'ErrorAccessDenied',
      requestId: 'r-1',
      clientRequestId: 'has space',
    });
    expect(diagnosticsOf(error)).toBe('status=403 graphCode=ErrorAccessDenied requestId=r-1');
    expect(diagnosticsOf('nope')).toBe('');
  });
});
