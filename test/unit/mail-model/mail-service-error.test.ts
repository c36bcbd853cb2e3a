import { MailServiceError, type MailServiceFailure } from '../../../src/mail-model/mail-service-error';
import {
  GoogleKeyError,
  GoogleKeyErrorCode,
  GoogleTokenError,
  GoogleTokenErrorCode,
} from '../../../src/providers/google/errors';
import { GmailError, GmailErrorCode } from '../../../src/providers/google/gmail/gmail-errors';
import { GraphError, GraphErrorCode, SendWindowPassedError } from '../../../src/providers/microsoft/graph/errors';

/** What each family's codes mean in neutral terms; any code not named is a refusal. */
const GRAPH: Partial<Record<GraphErrorCode, MailServiceFailure>> = {
  [GraphErrorCode.Throttled]: 'throttled',
  [GraphErrorCode.Unavailable]: 'unavailable',
  [GraphErrorCode.Timeout]: 'no-answer',
  [GraphErrorCode.Unreachable]: 'no-answer',
  [GraphErrorCode.ResponseInvalid]: 'no-answer',
};
const GMAIL: Partial<Record<GmailErrorCode, MailServiceFailure>> = {
  [GmailErrorCode.RateLimited]: 'throttled',
  [GmailErrorCode.Unavailable]: 'unavailable',
  [GmailErrorCode.DailyLimit]: 'daily-limit',
  [GmailErrorCode.Timeout]: 'no-answer',
  [GmailErrorCode.Unreachable]: 'no-answer',
  [GmailErrorCode.AnswerInvalid]: 'no-answer',
  [GmailErrorCode.SendWindowPassed]: 'slot-missed',
};
const GOOGLE_TOKEN: Partial<Record<GoogleTokenErrorCode, MailServiceFailure>> = {
  [GoogleTokenErrorCode.EndpointUnreachable]: 'unavailable',
  [GoogleTokenErrorCode.EndpointTimeout]: 'unavailable',
  [GoogleTokenErrorCode.EndpointError]: 'unavailable',
};

describe('MailServiceError: each family in neutral terms', () => {
  it.each(Object.values(GraphErrorCode))('Graph %s', (code) => {
    const error = new GraphError(code, 'm', { requestId: 'req-1', retryAfterSeconds: 7 });
    expect(error).toBeInstanceOf(MailServiceError);
    expect([error.failure, error.service, error.answeredByService, error.requestId, error.retryAfterSeconds]).toEqual([
      GRAPH[code] ?? 'refused',
      'Microsoft Graph',
      true,
      'req-1',
      7,
    ]);
  });

  it.each(Object.values(GmailErrorCode))('Gmail %s', (code) => {
    const error = new GmailError(code, 'm', { retryAfterSeconds: 30 });
    expect([error.failure, error.service, error.answeredByService, error.requestId, error.retryAfterSeconds]).toEqual([
      GMAIL[code] ?? 'refused',
      'Gmail',
      true,
      undefined,
      30,
    ]);
  });

  it.each(Object.values(GoogleTokenErrorCode))("Google's token endpoint %s", (code) => {
    const error = new GoogleTokenError(code, 'm');
    expect([error.failure, error.service, error.answeredByService, error.requestId]).toEqual([
      GOOGLE_TOKEN[code] ?? 'refused',
      "Google's token endpoint",
      true,
      undefined,
    ]);
  });

  it.each(Object.values(GoogleKeyErrorCode))(
    'a stored Google key %s: refused, found by the app, not Google',
    (code) => {
      const error = new GoogleKeyError(code, 'm', { field: 'private_key' });
      expect([error.failure, error.answeredByService, error.field]).toEqual(['refused', false, 'private_key']);
    },
  );

  it('a send that missed its slot never reached Microsoft', () => {
    const error = new SendWindowPassedError('m');
    expect([error.code, error.failure, error.answeredByService]).toEqual([
      'GRAPH_SEND_WINDOW_PASSED',
      'slot-missed',
      false,
    ]);
  });

  it('keeps the name, code, message and cause each family had', () => {
    const cause = new Error('socket hang up');
    const error = new GmailError(GmailErrorCode.Timeout, 'POST gmail.googleapis.com/upload took too long.', { cause });
    expect([error.name, error.code, error.message, error.cause]).toEqual([
      'GmailError',
      'GMAIL_TIMEOUT',
      'POST gmail.googleapis.com/upload took too long.',
      cause,
    ]);
  });
});
