import type { LocalResponse } from '../../http-types';
import { JiraRestError, restErrors } from '../errors';
import { type RequestContext, viewerOf } from '../http/context';
import { json } from '../http/responses';
import type { SiteUser } from '../model';

/*
 * Jira's Email API: "Get user email" (`GET /rest/api/3/user/email`, operationId getUserEmail) and "Get user email
 * bulk" (`GET /rest/api/3/user/email/bulk`, getUserEmailBulk), as Atlassian's Jira Cloud platform REST API v3
 * reference (group Users) and its OpenAPI description describe them: a person's address "regardless of the user's
 * profile visibility settings"; "For Forge apps, this API only supports access via asApp() requests". The OpenAPI
 * description answers a person calling it with 401 ("for example if a user is trying to access this API"), an
 * unknown account with 404 (single lookup only), and gives `UnrestrictedUserEmail` ({ accountId, email }) as the
 * answer's schema.
 */

const MAX_ACCOUNT_ID = 128;

/** Only the app (asApp) may read addresses here; people get Jira's 401, whatever their own permissions. */
const requireApp = (ctx: RequestContext): void => {
  if (viewerOf(ctx).kind !== 'app') throw restErrors.notAuthenticated();
};

const accountIdsOf = (ctx: RequestContext): string[] => {
  const ids = ctx.query.getAll('accountId').filter((id) => id !== '');
  if (ids.length === 0) throw restErrors.badRequest(["The 'accountId' query parameter is required."]);
  if (ids.some((id) => id.length > MAX_ACCOUNT_ID)) {
    throw restErrors.badRequest([`An 'accountId' is at most ${MAX_ACCOUNT_ID} characters long.`]);
  }
  return ids;
};

/** People only: the app's own account has no address. */
const personOf = (ctx: RequestContext, accountId: string): SiteUser | undefined => ctx.store.user(accountId);

const unrestrictedEmail = (user: SiteUser) => ({ accountId: user.accountId, email: user.emailAddress });

/** GET /user/email?accountId= */
export const getUserEmail = (ctx: RequestContext): LocalResponse => {
  requireApp(ctx);
  const [accountId] = accountIdsOf(ctx);
  const user = accountId === undefined ? undefined : personOf(ctx, accountId);
  if (!user)
    throw new JiraRestError('USER_NOT_FOUND', 404, [`User with accountId '${accountId ?? ''}' does not exist.`]);
  return json(200, unrestrictedEmail(user));
};

/**
 * GET /user/email/bulk?accountId=…&accountId=…: the OpenAPI description names a single `UnrestrictedUserEmail` as
 * the answer; for several accounts Jira answers a list of them, one per known account (unknown ones left out),
 * which is what this answers. The app reads either form (src/jira/user-emails.ts).
 */
export const getUserEmailBulk = (ctx: RequestContext): LocalResponse => {
  requireApp(ctx);
  const ids = [...new Set(accountIdsOf(ctx))];
  return json(
    200,
    ids.flatMap((id) => {
      const user = personOf(ctx, id);
      return user ? [unrestrictedEmail(user)] : [];
    }),
  );
};
