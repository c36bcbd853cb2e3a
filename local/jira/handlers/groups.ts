import type { LocalResponse } from '../../http-types';
import { escapeHtml } from '../adf/escape';
import { type RequestContext, viewerOf } from '../http/context';
import { intParam } from '../http/query';
import { json } from '../http/responses';
import { hasPermission } from '../permissions';

/** `jira.ajax.autocomplete.limit`, the most groups a picker answer holds. */
const AUTOCOMPLETE_LIMIT = 20;

/** The name with the first match of `query` in bold, as the picker's `html` shows it. */
const highlighted = (name: string, query: string): string => {
  const at = query === '' ? -1 : name.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return escapeHtml(name);
  const end = at + query.length;
  return `${escapeHtml(name.slice(0, at))}<b>${escapeHtml(name.slice(at, end))}</b>${escapeHtml(name.slice(end))}`;
};

/**
 * GET /groups/picker: groups whose name contains `query` (any case), sorted by name, without the excluded ones.
 * Callers without "Browse projects" anywhere get an empty list, as Jira answers them.
 */
export const groupsPicker = (ctx: RequestContext): LocalResponse => {
  const query = (ctx.query.get('query') ?? '').trim();
  const maxResults = Math.min(intParam(ctx.query, 'maxResults', AUTOCOMPLETE_LIMIT), AUTOCOMPLETE_LIMIT);
  const excluded = new Set(ctx.query.getAll('exclude'));
  const excludedIds = new Set(ctx.query.getAll('excludeId'));
  const mayBrowse = hasPermission(viewerOf(ctx), 'BROWSE_PROJECTS', { issues: ctx.store.issues() });
  const found = mayBrowse
    ? ctx.store
        .groups()
        .filter((group) => group.name.toLowerCase().includes(query.toLowerCase()))
        .filter((group) => !excluded.has(group.name) && !excludedIds.has(group.groupId))
    : [];
  const shown = found.slice(0, maxResults);
  return json(200, {
    header: `Showing ${shown.length} of ${found.length} matching groups`,
    total: found.length,
    groups: shown.map((group) => ({
      name: group.name,
      html: highlighted(group.name, query),
      labels: [],
      groupId: group.groupId,
    })),
  });
};
