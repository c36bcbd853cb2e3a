import type { LocalResponse } from '../../http-types';
import { userDetailsBean } from '../beans/users';
import { param, type RequestContext, viewerOf } from '../http/context';
import { json } from '../http/responses';
import { hasPermission } from '../permissions';
import { visibleIssue } from './issues';

/** GET /issue/{issueIdOrKey}/watchers. Without "View voters and watchers" a caller sees only themselves. */
export const listWatchers = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const seesAll = hasPermission(viewer, 'VIEW_VOTERS_AND_WATCHERS', { issue, issues: [issue] });
  const selfId = viewer.kind === 'user' ? viewer.user.accountId : null;
  const shown = issue.watcherIds.filter((id) => seesAll || id === selfId);
  return json(200, {
    self: `${ctx.restBase}/issue/${issue.key}/watchers`,
    isWatching: selfId !== null && issue.watcherIds.includes(selfId),
    watchCount: issue.watcherIds.length,
    watchers: shown.flatMap((id) => {
      const user = ctx.store.author(id);
      return user ? [userDetailsBean(ctx, user)] : [];
    }),
  });
};
