/**
 * The Jira site links in the email point to: the resolver context's `siteUrl` when it is an http(s) URL,
 * else the origin of the issue's `self`.
 */
export const resolveSiteUrl = (contextSiteUrl: unknown, issueSelf: string): string => {
  const fromContext = typeof contextSiteUrl === 'string' ? originOf(contextSiteUrl) : undefined;
  return fromContext ?? originOf(issueSelf) ?? '';
};

const originOf = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
};
