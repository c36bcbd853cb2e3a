/** Jira answers as its OpenAPI description shapes them, trimmed to what the readers' tests need. */

export const userDetails = (
  accountId: string,
  displayName: string,
  emailAddress?: string,
  extra: Record<string, unknown> = {},
) => ({
  self: `https://example.atlassian.net/rest/api/3/user?accountId=${accountId}`,
  accountId,
  ...(emailAddress === undefined ? {} : { emailAddress }),
  displayName,
  active: true,
  timeZone: 'Europe/London',
  accountType: 'atlassian',
  ...extra,
});

export const GRACE = userDetails('a2', 'Grace Hopper', 'grace@example.com');
export const ADA = userDetails('a1', 'Ada Lovelace', 'ada@example.com');
export const LINUS = userDetails('a3', 'Linus Private');
export const KEN = userDetails('a4', 'Ken Thompson', 'ken@example.com');

export const watchersOf = (...watchers: unknown[]) => ({
  self: 'https://example.atlassian.net/rest/api/3/issue/DEMO-1/watchers',
  isWatching: false,
  watchCount: watchers.length,
  watchers,
});

export const bulkPage = (...values: unknown[]) => ({
  maxResults: 50,
  startAt: 0,
  total: values.length,
  isLast: true,
  values,
});

export const comment = (id: string, author: string | null, created: string, renderedBody: string) => ({
  self: `https://example.atlassian.net/rest/api/3/issue/10001/comment/${id}`,
  id,
  ...(author === null ? {} : { author: userDetails(`acc-${author}`, author) }),
  body: { type: 'doc', version: 1, content: [] },
  renderedBody,
  created,
  updated: created,
  jsdPublic: true,
});

export const commentPage = (startAt: number, total: number, comments: unknown[]) => ({
  startAt,
  maxResults: comments.length,
  total,
  comments,
});

/** The statuses every reader maps the same way: refusals are JIRA_FORBIDDEN, the rest JIRA_REQUEST_FAILED. */
export const REFUSALS = [
  [401, 'JIRA_FORBIDDEN'],
  [403, 'JIRA_FORBIDDEN'],
  [500, 'JIRA_REQUEST_FAILED'],
] as const;
