import { escapeHtml } from '../../../../src/shared/html-escape';
import { htmlTag, SafeHtml } from '../../../shared/html';

export { type Interpolation, SafeHtml } from '../../../shared/html';

/**
 * A template whose interpolations are escaped unless they are SafeHtml; arrays are joined. The app's own escaping
 * (named entities, `&#39;` for the apostrophe), which the pages' tests assert.
 */
export const html = htmlTag(escapeHtml);

/** For HTML another part produced and vouches for (Jira's renderedFields). The page CSP blocks its scripts. */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);
