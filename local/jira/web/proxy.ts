import type { IncomingMessage, ServerResponse } from 'node:http';

import { readBody, send } from '../../shared/http-kit';
import type { JiraEmulator, JiraUser } from '../types';

const FORWARDED_BODY_LIMIT = 20 * 1024 * 1024;
const DROPPED_HEADERS = new Set(['cookie', 'host', 'authorization', 'connection', 'content-length']);

/**
 * The site's REST API for the browser (attachment links, `self` URLs), answered by the local Jira as the signed-in
 * user. Answers are sandboxed: an attachment of type text/html must not run as this site.
 */
export const forwardToJira = async (
  jira: JiraEmulator,
  user: JiraUser,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !DROPPED_HEADERS.has(name)) headers[name] = value;
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request, FORWARDED_BODY_LIMIT);
  const answer = await jira.handle(
    { method, path: request.url ?? '/', headers, ...(body && body.length > 0 ? { body } : {}) },
    { type: 'user', accountId: user.accountId },
  );
  send(response, answer.status, answer.body, {
    ...answer.headers,
    'content-security-policy': "default-src 'none'; sandbox",
  });
};
