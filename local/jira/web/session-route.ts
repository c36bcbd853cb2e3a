import type { IncomingMessage, ServerResponse } from 'node:http';

import { requestFailure, sendJson } from '../../shared/http-kit';
import type { JiraUser } from '../types';
import { sendHtml } from './page-response';
import { pageUser } from './pages/chrome';
import { renderErrorPage } from './pages/error-page';
import type { UserSession } from './session';

export interface SessionRouteDeps {
  /** Refuses requests that do not come from this site (421 on a wrong Host). */
  guard: (request: IncomingMessage) => void;
  session: UserSession;
  users: () => readonly JiraUser[];
  log: (line: string) => void;
}

/**
 * Runs one request as the signed-in user of the site. What the route throws is answered as Jira does: an error page
 * with the title `pageTitle` gives for its status (the Jira chrome, signed in as the user), or JSON `{ code,
 * message }` where `pageTitle` gives none. A refusal by the guard (421) never gets a page: it did not come from the
 * site. An answer already on its way is cut off instead.
 */
export const runAsSessionUser = async (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  deps: SessionRouteDeps,
  route: (user: JiraUser) => Promise<void>,
  pageTitle: (status: number) => string | undefined,
): Promise<void> => {
  let user = deps.session.defaultUser;
  try {
    deps.guard(request);
    user = deps.session.current(request);
    await route(user);
  } catch (error) {
    const { status, code, message } = requestFailure(error, request, url.pathname, deps.log);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const title = status === 421 ? undefined : pageTitle(status);
    if (title === undefined) {
      sendJson(response, status, { code, message });
      return;
    }
    const users = deps.users().map(pageUser);
    sendHtml(response, status, renderErrorPage({ user: pageUser(user), users, path: url.pathname, title, message }));
  }
};
