import type { IncomingMessage } from 'node:http';

import type { IssuedAccessToken } from './access-tokens';
import { type GmailErrorAnswer, GmailErrors } from './gmail-errors';

/*
 * Scopes per method, from each method's "Authorization scopes" section
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send and .../get).
 */
const FULL = 'https://mail.google.com/';
const scope = (name: string): string => `https://www.googleapis.com/auth/gmail.${name}`;
export const SEND_SCOPES: readonly string[] = [FULL, scope('modify'), scope('compose'), scope('send')];
/** The scopes that read (users.messages.get, list, history.list); gmail-read-routes.ts adds each method's others. */
export const READ_SCOPES: readonly string[] = [FULL, scope('modify'), scope('readonly'), scope('metadata')];

export type GmailCaller =
  { ok: true; user: string; grant: IssuedAccessToken } | { ok: false; answer: GmailErrorAnswer };

/**
 * Who a Gmail request acts for: the bearer token's user (domain-wide delegation's `sub`), if the token is valid,
 * holds one of `scopes`, and `userId` is `me` or that user's address ("The special value me can be used to indicate
 * the authenticated user").
 */
export const authoriseGmail = (
  req: IncomingMessage,
  userId: string,
  scopes: readonly string[],
  lookup: (token: string) => IssuedAccessToken | undefined,
): GmailCaller => {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (\S+)$/i.exec(header);
  const grant = match?.[1] === undefined ? undefined : lookup(match[1]);
  if (grant === undefined || grant.subject === undefined)
    return { ok: false, answer: GmailErrors.invalidCredentials() };
  if (!grant.scopes.some((granted) => scopes.includes(granted))) {
    return { ok: false, answer: GmailErrors.insufficientScopes() };
  }
  if (userId !== 'me' && userId.toLowerCase() !== grant.subject.toLowerCase()) {
    return { ok: false, answer: GmailErrors.delegationDenied(userId) };
  }
  return { ok: true, user: grant.subject.toLowerCase(), grant };
};
