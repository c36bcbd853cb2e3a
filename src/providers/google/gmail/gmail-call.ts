import { GmailFields, type JsonObject } from './gmail-fields';
import { describeGmailCall, gmailRequest, type GmailRequestDeps } from './gmail-request';

/** A mailbox's Gmail reads as a use case calls them: where Gmail is, and whose mailbox. */
export interface GmailReadDeps extends GmailRequestDeps {
  /** Gmail's address: googleEndpoints(env).gmailBaseUrl, never the stored credential's. */
  baseUrl: string;
  /**
   * The `userId` path segment, `me` by default: "The special value me can be used to indicate the authenticated
   * user", which with domain-wide delegation is the token's `sub`.
   */
  userId?: string;
}

/** `{base}/gmail/v1/users/{userId}{path}` with the query's values encoded (repeated keys for arrays). */
export const gmailUserUrl = (
  deps: GmailReadDeps,
  path: string,
  query: Readonly<Record<string, string | readonly string[] | undefined>> = {},
): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of typeof value === 'string' ? [value] : value) params.append(key, one);
  }
  const search = params.toString();
  const base = deps.baseUrl.replace(/\/$/, '');
  return `${base}/gmail/v1/users/${encodeURIComponent(deps.userId ?? 'me')}${path}${search === '' ? '' : `?${search}`}`;
};

/** One Gmail JSON call answered 200, its body read field by field by `read`. */
export const gmailJsonCall = async <T>(
  method: 'GET' | 'POST',
  url: string,
  read: (body: JsonObject, fields: GmailFields) => T,
  deps: GmailRequestDeps,
  body?: unknown,
): Promise<T> => {
  const answer = await gmailRequest(
    {
      method,
      url,
      expect: [200],
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json; charset=UTF-8' } }),
    },
    deps,
  );
  const parsed = GmailFields.parse(answer.text, `${describeGmailCall(method, url)} answered 200`);
  return read(parsed.body, parsed.fields);
};
