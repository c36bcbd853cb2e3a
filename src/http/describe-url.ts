/**
 * `host/path` of a URL for error messages: no query string (it could carry anything) and no credentials.
 * Falls back to a fixed text for something that does not parse.
 */
export const describeUrl = (url: string): string => {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    return '(invalid URL)';
  }
};
