import { JiraRestError, restErrors } from '../errors';
import type { RequestContext } from './context';

/** The request's JSON body. Jira answers 415 to other content types and 400 to JSON it cannot read. */
export const readJsonBody = (ctx: RequestContext): unknown => {
  const contentType = ctx.request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType.trim())) {
    throw new JiraRestError('UNSUPPORTED_MEDIA_TYPE', 415, [
      `Unsupported media type '${contentType || 'none'}'; send application/json.`,
    ]);
  }
  const text = ctx.request.body?.toString('utf8') ?? '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw restErrors.badRequest(['Invalid request payload. Refer to the REST API documentation and try again.']);
  }
};
