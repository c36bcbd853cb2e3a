import { TraceUnavailableError } from '../../../src/delivery/errors';
import { describeDeliveryFailure, toResolverError } from '../../../src/messages/error-answers';
import {
  DAILY_LIMIT_PAUSE_SECONDS,
  type FailureKind,
  failureKind,
  requestIdOf,
  technicalNote,
} from '../../../src/outbox/failure-kind';
import { senderRemedies } from '../../../src/outbox/sender-remedy';
import { MAIL_SERVICE_CODES_NEEDING_ADMIN } from '../../../src/providers/failure';
import {
  GoogleKeyError,
  GoogleKeyErrorCode,
  GoogleTokenError,
  GoogleTokenErrorCode,
} from '../../../src/providers/google/errors';
import { GmailError, GmailErrorCode } from '../../../src/providers/google/gmail/gmail-errors';

/** As the email log reads a stored code (composition/email-log.ts). */
const senderRemedyOf = senderRemedies(MAIL_SERVICE_CODES_NEEDING_ADMIN);

const RETRY: FailureKind = { kind: 'retry' };
const UNSURE: FailureKind = { kind: 'unsure' };
const FINAL: FailureKind = { kind: 'final' };
const HOUR: FailureKind = { kind: 'paused', retryAfterSeconds: DAILY_LIMIT_PAUSE_SECONDS };

/** Each Gmail code: what it means for the email, and whether the sender can press Send again or needs an admin. */
const GMAIL: Record<GmailErrorCode, [FailureKind, 'send-again' | 'ask-admin']> = {
  [GmailErrorCode.RateLimited]: [RETRY, 'send-again'],
  [GmailErrorCode.DailyLimit]: [HOUR, 'send-again'],
  [GmailErrorCode.Forbidden]: [FINAL, 'ask-admin'],
  [GmailErrorCode.Unauthorized]: [FINAL, 'ask-admin'],
  [GmailErrorCode.NotFound]: [FINAL, 'send-again'],
  [GmailErrorCode.BadRequest]: [FINAL, 'send-again'],
  [GmailErrorCode.MessageTooLarge]: [FINAL, 'send-again'],
  [GmailErrorCode.Unavailable]: [RETRY, 'send-again'],
  [GmailErrorCode.Timeout]: [UNSURE, 'send-again'],
  [GmailErrorCode.Unreachable]: [UNSURE, 'send-again'],
  [GmailErrorCode.AnswerInvalid]: [UNSURE, 'send-again'],
  [GmailErrorCode.EndpointNotAllowed]: [FINAL, 'ask-admin'],
  [GmailErrorCode.HistoryExpired]: [FINAL, 'send-again'],
  [GmailErrorCode.SendWindowPassed]: [FINAL, 'send-again'],
};

const TOKEN: Record<GoogleTokenErrorCode, [FailureKind, 'send-again' | 'ask-admin']> = {
  [GoogleTokenErrorCode.DelegationMissing]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.ScopeNotAllowed]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.UserUnknown]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.KeyInvalid]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.ServiceAccountNotFound]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.ClockSkew]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.InvalidScope]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.ClientDisabled]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.ClientDeleted]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.InvalidClient]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.AdminPolicyEnforced]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.OrgInternal]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.Rejected]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.AssertionFailed]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.EndpointUnreachable]: [RETRY, 'send-again'],
  [GoogleTokenErrorCode.EndpointTimeout]: [RETRY, 'send-again'],
  [GoogleTokenErrorCode.EndpointError]: [RETRY, 'send-again'],
  [GoogleTokenErrorCode.ResponseInvalid]: [FINAL, 'ask-admin'],
  [GoogleTokenErrorCode.EndpointNotAllowed]: [FINAL, 'ask-admin'],
};

describe('Google failures in the outbox', () => {
  it.each(Object.entries(GMAIL))('Gmail %s is %j', (code, [kind, remedy]) => {
    expect(failureKind(new GmailError(code as GmailErrorCode, 'm'))).toEqual(kind);
    expect(senderRemedyOf(code)).toBe(remedy);
  });

  it.each(Object.entries(TOKEN))('Google token %s is %j', (code, [kind, remedy]) => {
    expect(failureKind(new GoogleTokenError(code as GoogleTokenErrorCode, 'm'))).toEqual(kind);
    expect(senderRemedyOf(code)).toBe(remedy);
  });

  it.each(Object.values(GoogleKeyErrorCode))('a stored key Google cannot use (%s) is final, for an admin', (code) => {
    expect(failureKind(new GoogleKeyError(code, 'm'))).toEqual(FINAL);
    expect(senderRemedyOf(code)).toBe('ask-admin');
  });

  it.each<[string, GmailError, FailureKind]>([
    [
      'a rate limit keeps Retry-After',
      new GmailError(GmailErrorCode.RateLimited, 'm', { retryAfterSeconds: 7 }),
      { kind: 'retry', retryAfterSeconds: 7 },
    ],
    [
      'an outage keeps Retry-After',
      new GmailError(GmailErrorCode.Unavailable, 'm', { retryAfterSeconds: 30 }),
      { kind: 'retry', retryAfterSeconds: 30 },
    ],
    [
      'the daily limit waits as long as Google said',
      new GmailError(GmailErrorCode.DailyLimit, 'm', { retryAfterSeconds: 5400 }),
      { kind: 'paused', retryAfterSeconds: 5400 },
    ],
    [
      'the daily limit waits at most a day',
      new GmailError(GmailErrorCode.DailyLimit, 'm', { retryAfterSeconds: 200_000 }),
      { kind: 'paused', retryAfterSeconds: 86_400 },
    ],
    [
      'the daily limit waits at least a second',
      new GmailError(GmailErrorCode.DailyLimit, 'm', { retryAfterSeconds: 0 }),
      { kind: 'paused', retryAfterSeconds: 1 },
    ],
  ])('%s', (_case, error, kind) => {
    expect(failureKind(error)).toEqual(kind);
  });

  it('settles a mailbox it cannot search as final (DELIVERY_UNCERTAIN follows)', () => {
    expect(failureKind(new TraceUnavailableError('m'))).toEqual(FINAL);
  });

  it.each<[unknown, string]>([
    [
      new GmailError(
        GmailErrorCode.RateLimited,
        'POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send answered 429 (rateLimitExceeded).',
      ),
      'POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send answered 429 (rateLimitExceeded)',
    ],
    [
      new GoogleTokenError(
        GoogleTokenErrorCode.DelegationMissing,
        'POST oauth2.googleapis.com/token answered 401 (unauthorized_client).',
      ),
      'POST oauth2.googleapis.com/token answered 401 (unauthorized_client)',
    ],
    [new GoogleKeyError(GoogleKeyErrorCode.NotPkcs8, '"private_key" is not PKCS#8.'), '"private_key" is not PKCS#8'],
    [new TraceUnavailableError('Cannot search.'), 'Cannot search'],
  ])('technicalNote(%s) is %j', (error, note) => {
    expect(technicalNote(error)).toBe(note);
  });

  it('has no request id for Gmail', () => {
    expect(requestIdOf(new GmailError(GmailErrorCode.Unavailable, 'm'))).toBeUndefined();
  });
});

describe('Google failures as the email log and the sender read them', () => {
  it("gives the admin Google's guidance and the sender plain words", () => {
    const failure = describeDeliveryFailure(
      new GoogleTokenError(GoogleTokenErrorCode.DelegationMissing, 'raw', { oauthError: 'unauthorized_client' }),
    );
    expect(failure.code).toBe('GOOGLE_DELEGATION_MISSING');
    expect(failure.message).toContain('Manage Domain Wide Delegation');
    expect(failure.senderMessage).toBe(
      'Google Workspace did not let Issue Mailer sign in. Tell your Jira admin; the email log has the details.',
    );
  });

  it("says Gmail's daily limit in Google's terms", () => {
    const error = new GmailError(GmailErrorCode.DailyLimit, 'raw', { status: 429, retryAfterSeconds: 600 });
    expect(toResolverError(error, 'admin')).toEqual({
      code: 'GMAIL_DAILY_LIMIT',
      message:
        'The mailbox reached a Gmail sending limit (2,000 messages a day in Google Workspace, counted over a rolling ' +
        '24 hours; lower for trial accounts). Mail waits until the limit allows it; per-user limits cannot be raised. ' +
        'Google said to try again in 600 seconds.',
    });
    expect(toResolverError(error, 'user')?.message).toBe(
      'The mailbox Issue Mailer sends from reached its Gmail sending limit for the day. Try again later.',
    );
  });

  it.each(Object.values(GmailErrorCode))('never says Microsoft for Gmail %s', (code) => {
    const failure = describeDeliveryFailure(new GmailError(code, 'raw'));
    expect(`${failure.message} ${failure.senderMessage ?? ''}`).not.toMatch(/Microsoft|Graph|raw/);
  });
});
