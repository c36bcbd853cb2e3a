import { htmlTag, SafeHtml } from '../../../shared/html';

export { type Interpolation, SafeHtml } from '../../../shared/html';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** A template whose interpolations are escaped unless they are SafeHtml; arrays are joined. */
export const html = htmlTag(escapeHtml);

/** For HTML another part produced and vouches for (Jira's renderedFields). The page CSP blocks its scripts. */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);
