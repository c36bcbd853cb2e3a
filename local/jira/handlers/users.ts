import type { LocalResponse } from '../../http-types';
import { userBean } from '../beans/users';
import { restErrors } from '../errors';
import { type RequestContext, viewerOf } from '../http/context';
import { intParam, listParam } from '../http/query';
import { json } from '../http/responses';
import type { AppUser, SiteUser } from '../model';
import { hasPermission } from '../permissions';

const expandOf = (ctx: RequestContext): Set<string> => new Set(listParam(ctx.query, 'expand'));

/** GET /myself: the person asUser acts as, or the app's own account for asApp. */
export const myself = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  return json(200, userBean(ctx, viewer.kind === 'user' ? viewer.user : ctx.store.appUser, expandOf(ctx)));
};

const canBrowseUsers = (ctx: RequestContext): boolean =>
  hasPermission(viewerOf(ctx), 'USER_PICKER', { issues: ctx.store.issues() });

const isSelf = (ctx: RequestContext, accountId: string): boolean => {
  const viewer = viewerOf(ctx);
  return viewer.kind === 'user' ? viewer.user.accountId === accountId : ctx.store.appUser.accountId === accountId;
};

/** GET /user?accountId= */
export const getUser = (ctx: RequestContext): LocalResponse => {
  const accountId = ctx.query.get('accountId');
  if (!accountId) throw restErrors.badRequest(["The 'accountId' query parameter is required."]);
  if (!isSelf(ctx, accountId) && !canBrowseUsers(ctx)) {
    throw restErrors.forbidden('You do not have the permission to see the specified user.');
  }
  const user = ctx.store.author(accountId);
  if (!user) throw restErrors.userNotFound();
  return json(200, userBean(ctx, user, expandOf(ctx)));
};

const matchesQuery = (ctx: RequestContext, user: SiteUser, query: string): boolean => {
  const needle = query.toLowerCase();
  const names = user.displayName.toLowerCase().split(/\s+/);
  if (user.displayName.toLowerCase().startsWith(needle) || names.some((name) => name.startsWith(needle))) return true;
  const emailShown = user.emailVisibility === 'anyone' || isSelf(ctx, user.accountId);
  return emailShown && user.emailAddress.toLowerCase().startsWith(needle);
};

/** GET /user/search: people only (not the app); callers without "Browse users and groups" get an empty list. */
export const searchUsers = (ctx: RequestContext): LocalResponse => {
  const query = ctx.query.get('query');
  const accountId = ctx.query.get('accountId');
  if (!query && !accountId && !ctx.query.get('property')) {
    throw restErrors.badRequest(["One of 'query', 'accountId' or 'property' must be provided."]);
  }
  if (query && accountId) throw restErrors.badRequest(["Only one of 'query' and 'accountId' may be provided."]);
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = intParam(ctx.query, 'maxResults', 50);
  if (!canBrowseUsers(ctx)) return json(200, []);
  const found = ctx.store
    .users()
    .filter((user) => (accountId ? user.accountId === accountId : query ? matchesQuery(ctx, user, query) : false));
  return json(
    200,
    found.slice(startAt, startAt + maxResults).map((user) => userBean(ctx, user)),
  );
};

/** GET /user/bulk?accountId=…&accountId=… */
export const bulkUsers = (ctx: RequestContext): LocalResponse => {
  const ids = ctx.query.getAll('accountId').filter((id) => id !== '');
  if (ids.length === 0) throw restErrors.badRequest(["The 'accountId' query parameter is required."]);
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = intParam(ctx.query, 'maxResults', 10, 1);
  const users = ids.flatMap((id): (SiteUser | AppUser)[] => {
    const user = ctx.store.author(id);
    return user ? [user] : [];
  });
  const page = users.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= users.length;
  const query = (from: number): string =>
    `${ctx.restBase}/user/bulk?${[`startAt=${from}`, `maxResults=${maxResults}`, ...ids.map((id) => `accountId=${encodeURIComponent(id)}`)].join('&')}`;
  return json(200, {
    self: query(startAt),
    ...(isLast ? {} : { nextPage: query(startAt + maxResults) }),
    maxResults,
    startAt,
    total: users.length,
    isLast,
    values: page.map((user) => userBean(ctx, user)),
  });
};
