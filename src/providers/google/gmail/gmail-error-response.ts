import { GmailError, GmailErrorCode } from './gmail-errors';

/*
 * Gmail's error answers, "Resolve errors" https://developers.google.com/workspace/gmail/api/guides/handle-errors:
 * `{error:{code,message,errors:[{domain,reason,message}],status}}`; 429 is also the answer when the mailbox reached
 * its sending limit ('"User-rate limit exceeded" "(Mail sending)" ... with time to retry'; per-user limits are on
 * https://developers.google.com/workspace/gmail/api/reference/quota, sending limits on
 * https://support.google.com/a/answer/166852).
 */

const REASON = /^[A-Za-z_]{1,64}$/;
const GOOGLE_STATUS = /^[A-Z_]{1,64}$/;

export interface GoogleErrorBody {
  reason: string | undefined;
  googleStatus: string | undefined;
  /** Google's `error.message`, kept only to tell the sending limit apart; never put in our messages whole. */
  message: string | undefined;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The reason and status of a Google error body; undefined fields when the body is not one. */
export const readGoogleErrorBody = (text: string): GoogleErrorBody => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const error = record(record(json)?.['error']);
  const first = Array.isArray(error?.['errors']) ? record((error['errors'] as unknown[])[0]) : undefined;
  const reason = first?.['reason'];
  const status = error?.['status'];
  const message = error?.['message'];
  return {
    reason: typeof reason === 'string' && REASON.test(reason) ? reason : undefined,
    googleStatus: typeof status === 'string' && GOOGLE_STATUS.test(status) ? status : undefined,
    message: typeof message === 'string' ? message.slice(0, 500) : undefined,
  };
};

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
const DAILY_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded']);
const SENDING_LIMIT = /\(Mail sending\)|sending limit/i;
const RETRY_AFTER_TEXT = /Retry after (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)/;

/** The stable code for a failed Gmail answer. */
export const gmailErrorCodeFor = (status: number, body: GoogleErrorBody): GmailErrorCode => {
  const { reason } = body;
  const sendingLimit = body.message !== undefined && SENDING_LIMIT.test(body.message);
  if (status === 429) return sendingLimit ? GmailErrorCode.DailyLimit : GmailErrorCode.RateLimited;
  if (status === 403) {
    if (reason !== undefined && DAILY_REASONS.has(reason)) return GmailErrorCode.DailyLimit;
    if (reason !== undefined && RATE_REASONS.has(reason)) {
      return sendingLimit ? GmailErrorCode.DailyLimit : GmailErrorCode.RateLimited;
    }
    return GmailErrorCode.Forbidden;
  }
  if (status === 401) return GmailErrorCode.Unauthorized;
  if (status === 404 || status === 410) return GmailErrorCode.NotFound;
  if (status === 413) return GmailErrorCode.MessageTooLarge;
  if (status >= 500) return GmailErrorCode.Unavailable;
  if (status >= 400) return GmailErrorCode.BadRequest;
  return GmailErrorCode.AnswerInvalid;
};

/** Seconds until Google said to try again: Retry-After, else the "Retry after <time>" of a sending-limit answer. */
const retryAfterSeconds = (header: string | null, message: string | undefined, now: number): number | undefined => {
  if (header !== null && /^\d+$/.test(header.trim())) return Number(header.trim());
  const at = message === undefined ? undefined : RETRY_AFTER_TEXT.exec(message)?.[1];
  if (at === undefined) return undefined;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? undefined : Math.max(0, Math.ceil((ms - now) / 1000));
};

export interface FailedAnswer {
  /** `POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send` */
  where: string;
  status: number;
  headers: Headers;
  text: string;
  now: number;
}

/** The GmailError for a failed answer: its message names method, URL, status and Google's reason. */
export const gmailErrorFromResponse = ({ where, status, headers, text, now }: FailedAnswer): GmailError => {
  const body = readGoogleErrorBody(text);
  const code = gmailErrorCodeFor(status, body);
  const said = [body.reason, body.googleStatus].filter((part) => part !== undefined).join(', ');
  const retry = retryAfterSeconds(headers.get('retry-after'), body.message, now);
  return new GmailError(code, `${where} answered ${status}${said === '' ? '' : ` (${said})`}.`, {
    status,
    ...(body.reason === undefined ? {} : { reason: body.reason }),
    ...(body.googleStatus === undefined ? {} : { googleStatus: body.googleStatus }),
    ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
  });
};
