import type { ServerResponse } from 'node:http';

import { writeResponse } from '../shared/http-kit';

/**
 * Gmail's error answers in Google's JSON shape, "Resolve errors"
 * https://developers.google.com/workspace/gmail/api/guides/handle-errors: `{error:{code,message,errors:[{message,
 * domain,reason}],status}}` (`status` is the google.rpc.Code name, https://google.aip.dev/193). Texts marked
 * "public reports" are what the real service answers in logs people published, not in Google's docs.
 */
export interface GmailErrorAnswer {
  code: number;
  message: string;
  reason: string;
  domain: string;
  status: string;
  retryAfterSeconds?: number;
}

const answer = (
  code: number,
  status: string,
  reason: string,
  message: string,
  domain = 'global',
): GmailErrorAnswer => ({
  code,
  message,
  reason,
  domain,
  status,
});

export const GmailErrors = {
  // The guide's 401 sample: "Invalid Credentials", reason authError.
  invalidCredentials: () => answer(401, 'UNAUTHENTICATED', 'authError', 'Invalid Credentials'),
  // Public reports: a token without a scope the method takes.
  insufficientScopes: (): GmailErrorAnswer => ({
    ...answer(403, 'PERMISSION_DENIED', 'insufficientPermissions', 'Request had insufficient authentication scopes.'),
  }),
  // Public reports: a delegated token used for another user's mailbox.
  delegationDenied: (userId: string) =>
    answer(403, 'PERMISSION_DENIED', 'forbidden', `Delegation denied for ${userId.slice(0, 200)}`),
  // The quota page's per-user limit (15,000 units a minute), answered as the service does (public reports).
  userRateLimit: (projectNumber: string) =>
    answer(
      429,
      'RESOURCE_EXHAUSTED',
      'rateLimitExceeded',
      "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service " +
        `'gmail.googleapis.com' for consumer 'project_number:${projectNumber}'.`,
      'usageLimits',
    ),
  // The guide: over the mail sending limits, '429 Too Many Requests "User-rate limit exceeded" "(Mail sending)"
  // ... with time to retry'.
  sendingLimit: (retryAt: Date) =>
    answer(
      429,
      'RESOURCE_EXHAUSTED',
      'rateLimitExceeded',
      `User-rate limit exceeded.  Retry after ${retryAt.toISOString()} (Mail sending)`,
      'usageLimits',
    ),
  rateLimitFault: (retryAfterSeconds: number): GmailErrorAnswer => ({
    ...answer(429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits'),
    retryAfterSeconds,
  }),
  backendError: () => answer(503, 'UNAVAILABLE', 'backendError', 'The service is currently unavailable.'),
  notFound: () => answer(404, 'NOT_FOUND', 'notFound', 'Requested entity was not found.'),
  badRequest: (message: string) => answer(400, 'INVALID_ARGUMENT', 'badRequest', message),
  invalidArgument: (message: string) => answer(400, 'INVALID_ARGUMENT', 'invalidArgument', message),
  tooLarge: () => answer(413, 'FAILED_PRECONDITION', 'uploadTooLarge', 'Request Entity Too Large'),
  // Public reports: labels.create with a name a label has (system names included).
  duplicateLabel: () => answer(409, 'ABORTED', 'duplicate', 'Label name exists or conflicts'),
  // Public reports: messages.modify naming a label id the mailbox has not.
  invalidLabel: (labelId: string) =>
    answer(400, 'INVALID_ARGUMENT', 'invalidArgument', `Invalid label: ${labelId.slice(0, 100)}`),
  // Public reports: the gmail.metadata scope cannot read bodies nor search.
  metadataScope: (what: string) => answer(403, 'PERMISSION_DENIED', 'forbidden', `Metadata scope ${what}`),
} as const;

export const writeGmailError = (res: ServerResponse, err: GmailErrorAnswer): void => {
  const body = {
    error: {
      code: err.code,
      message: err.message,
      errors: [{ message: err.message, domain: err.domain, reason: err.reason }],
      status: err.status,
    },
  };
  writeResponse(
    res,
    err.code,
    {
      'Content-Type': 'application/json; charset=UTF-8',
      ...(err.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(err.retryAfterSeconds) }),
    },
    `${JSON.stringify(body, null, 2)}\n`,
  );
};

export const writeGmailJson = (res: ServerResponse, status: number, value: unknown): void =>
  writeResponse(
    res,
    status,
    { 'Content-Type': 'application/json; charset=UTF-8' },
    `${JSON.stringify(value, null, 2)}\n`,
  );
