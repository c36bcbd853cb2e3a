import type { IncomingMessage } from 'node:http';

import { readCookies } from '../../shared/http-kit';
import type { JiraEmulator, JiraUser } from '../types';

/** Who the browser is signed in as. A cookie holds another site user's account id after a switch. */
export const USER_COOKIE = 'forge-local-account';

export class NoUsersError extends Error {
  override name = 'NoUsersError';
  readonly code = 'NO_SITE_USERS';
}

export interface UserSession {
  /** The site admin the host signs in as by default. */
  readonly defaultUser: JiraUser;
  current: (request: IncomingMessage) => JiraUser;
  /** The Set-Cookie header that signs the browser in as `accountId`, or null if no such user. */
  switchTo: (accountId: string) => string | null;
}

export const createUserSession = (jira: JiraEmulator): UserSession => {
  const users = jira.users();
  const defaultUser = users.find((user) => user.isAdmin) ?? users[0];
  if (!defaultUser) throw new NoUsersError('The local Jira has no users to sign in as.');
  return {
    defaultUser,
    current: (request) => {
      const accountId = readCookies(request).get(USER_COOKIE);
      return (accountId && jira.user(accountId)) || defaultUser;
    },
    switchTo: (accountId) => {
      if (!jira.user(accountId)) return null;
      return `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; HttpOnly; SameSite=Strict`;
    },
  };
};
