import {
  NoCredentialConfiguredError,
  PrivateKeyMissingError,
  SecretMissingError,
} from '../../../src/credentials/errors';
import { describeDeliveryFailure, toResolverError } from '../../../src/messages/error-answers';
import { TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { OutboxError, OutboxErrorCode } from '../../../src/outbox/errors';
import { senderRemedies } from '../../../src/outbox/sender-remedy';
import { MAIL_SERVICE_CODES_NEEDING_ADMIN } from '../../../src/providers/failure';
import { GraphError, GraphErrorCode } from '../../../src/providers/microsoft/graph/errors';

/** As the email log reads a stored code (composition/email-log.ts). */
const senderRemedyOf = senderRemedies(MAIL_SERVICE_CODES_NEEDING_ADMIN);

const RAW = 'raw text from a response';
const TELL = 'Tell your Jira admin; the email log has the details.';

/** Words an agent cannot act on: admin tools, Microsoft's codes, permission and credential names. */
const JARGON = [
  /Test-\w+/,
  /AADSTS/i,
  /Mail\.Send|User\.Read\.All|Mail\.ReadWrite/,
  /application (access )?policy/i,
  /RBAC/,
  /admin consent/i,
  /client secret|private key/i,
  /token endpoint|\btoken\b/i,
  /Microsoft Graph/,
  /Entra|App registrations/,
  /\b[A-Z][a-z]+[A-Z]\w+\b/, // Graph codes such as ErrorAccessDenied, MailboxNotEnabledForRESTAPI
];

const graph = (code: GraphErrorCode) =>
  new GraphError(code, RAW, { status: 403, reason: 'app-access-policy', graphCode: 'ErrorAccessDenied' });

/** Every failure of a send that stops with "Not sent", what the sender reads, and whether Send can help again. */
const cases: [string, Error, string, 'send-again' | 'ask-admin'][] = [
  [
    'access policy',
    graph(GraphErrorCode.AppAccessPolicyDenied),
    `Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL}`,
    'ask-admin',
  ],
  [
    'Mail.Send missing',
    graph(GraphErrorCode.AccessDenied),
    `Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL}`,
    'ask-admin',
  ],
  [
    'token refused by Graph',
    graph(GraphErrorCode.Unauthorized),
    `Microsoft 365 did not let Issue Mailer sign in. ${TELL}`,
    'ask-admin',
  ],
  [
    'no such mailbox',
    graph(GraphErrorCode.MailboxNotFound),
    `Microsoft 365 has no mailbox for the address Issue Mailer sends from. ${TELL}`,
    'ask-admin',
  ],
  [
    'mailbox not enabled',
    graph(GraphErrorCode.MailboxNotEnabled),
    `The mailbox Issue Mailer sends from cannot send email. ${TELL}`,
    'ask-admin',
  ],
  [
    'Graph host not allowed',
    graph(GraphErrorCode.EndpointNotAllowed),
    `Issue Mailer's connection to Microsoft 365 is not set up correctly. ${TELL}`,
    'ask-admin',
  ],
  [
    'wrong client secret',
    new TokenError(TokenErrorCode.InvalidClientSecret, RAW, { aadstsCode: 7000215 }),
    `Microsoft 365 did not let Issue Mailer sign in. ${TELL}`,
    'ask-admin',
  ],
  [
    'expired client secret',
    new TokenError(TokenErrorCode.ClientSecretExpired, RAW, { aadstsCode: 7000222 }),
    `Microsoft 365 did not let Issue Mailer sign in. ${TELL}`,
    'ask-admin',
  ],
  [
    'secret missing',
    new SecretMissingError('c-1'),
    `Issue Mailer's connection to Microsoft 365 is not complete. ${TELL}`,
    'ask-admin',
  ],
  [
    'private key missing',
    new PrivateKeyMissingError('c-1'),
    `Issue Mailer's connection to Microsoft 365 is not complete. ${TELL}`,
    'ask-admin',
  ],
  [
    'no credential',
    new NoCredentialConfiguredError(),
    'Issue Mailer is not set up yet. Ask your Jira admin to add a Microsoft 365 credential on the Issue Mailer admin page.',
    'ask-admin',
  ],
  [
    'sign-in service down',
    new TokenError(TokenErrorCode.EndpointUnreachable, RAW),
    "Issue Mailer could not reach Microsoft 365's sign-in service. Try again in a few minutes.",
    'send-again',
  ],
  [
    'throttled',
    graph(GraphErrorCode.Throttled),
    'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
    'send-again',
  ],
  [
    'bad recipients',
    graph(GraphErrorCode.InvalidRecipients),
    'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
    'send-again',
  ],
  [
    'refused as malformed',
    graph(GraphErrorCode.BadRequest),
    'Microsoft 365 refused the email. Try again; if it keeps happening, tell your Jira admin (the email log has the details).',
    'send-again',
  ],
  [
    'no answer in time',
    graph(GraphErrorCode.Timeout),
    'Microsoft 365 did not answer in time: it may have been sent. Ask a recipient whether it arrived before sending it again.',
    'send-again',
  ],
  [
    'outcome unknown',
    new OutboxError(OutboxErrorCode.DeliveryUncertain, RAW),
    'Issue Mailer cannot tell whether this email went out: it may have been sent. Ask a recipient whether it arrived before sending it again.',
    'send-again',
  ],
];

describe("a failed send in the sender's words", () => {
  it.each(cases)('%s', (_name, error, senderText, remedy) => {
    const failure = describeDeliveryFailure(error);
    const shown = failure.senderMessage ?? failure.message;
    expect(shown).toBe(senderText);
    expect(toResolverError(error, 'user')?.message).toBe(senderText);
    for (const word of JARGON) expect(shown).not.toMatch(word);
    expect(senderRemedyOf(failure.code)).toBe(remedy);
  });

  it('keeps the admin wording, with its commands, for the email log', () => {
    const failure = describeDeliveryFailure(graph(GraphErrorCode.AppAccessPolicyDenied));
    expect(failure.message).toContain('Test-ApplicationAccessPolicy');
    expect(failure.senderMessage).toBe(`Microsoft 365 does not let Issue Mailer send from this mailbox. ${TELL}`);
  });

  it('has no jargon in any Graph failure a sender can meet', () => {
    for (const code of Object.values(GraphErrorCode)) {
      const message = toResolverError(graph(code), 'user')?.message ?? '';
      for (const word of JARGON)
        expect({ code, message, jargon: word.test(message) }).toEqual({ code, message, jargon: false });
    }
  });
});
