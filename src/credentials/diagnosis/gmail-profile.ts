import { GmailError, GmailErrorCode } from '../../google/gmail/gmail-errors';
import { describeGmailCall, gmailRequest, type GmailRequestDeps } from '../../google/gmail/gmail-request';

/**
 * Gmail's users.getProfile (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users/getProfile):
 * GET {base}/gmail/v1/users/{userId}/profile answers the mailbox's `emailAddress` (and counts and a historyId, which
 * the test does not need). Its scopes are mail.google.com, gmail.modify, gmail.compose, gmail.readonly or
 * gmail.metadata: not gmail.send, so a credential that only sends cannot call it.
 */
export const readGmailProfileAddress = async (
  mailbox: string,
  deps: GmailRequestDeps & { baseUrl: string },
): Promise<string> => {
  const url = `${deps.baseUrl}/gmail/v1/users/${encodeURIComponent(mailbox)}/profile`;
  const answer = await gmailRequest({ method: 'GET', url, expect: [200] }, deps);
  const answered = `${describeGmailCall('GET', url)} answered 200`;
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new GmailError(GmailErrorCode.AnswerInvalid, `${answered}: the body is not JSON.`, { status: 200 });
  }
  const address =
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['emailAddress'] : undefined;
  if (typeof address !== 'string' || address.trim() === '') {
    throw new GmailError(
      GmailErrorCode.AnswerInvalid,
      `${answered}: response field "emailAddress" must be a non-empty string.`,
      { status: 200 },
    );
  }
  return address;
};
