import { z } from 'zod';

import type { LocalResponse } from '../../http-types';
import { fieldNames, fieldSchemas, issueBean } from '../beans/issue';
import { JiraRestError, restErrors } from '../errors';
import { selectFields } from '../fields/select';
import { readJsonBody } from '../http/body';
import { type RequestContext, viewerOf } from '../http/context';
import { intParam, listParam } from '../http/query';
import { json } from '../http/responses';
import { runJql } from '../jql/evaluate';
import { parseJql } from '../jql/parser';
import { canBrowse } from '../permissions';

const MAX_RESULTS_LIMIT = 5000;

/** What Jira Cloud answers on the search endpoints it removed (CHANGE-2046). */
export const searchRemoved = (): LocalResponse => {
  throw new JiraRestError('API_REMOVED', 410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);
};

interface SearchRequest {
  jql: string;
  nextPageToken: string | null;
  maxResults: number;
  /** Null when not given: the enhanced search then returns issue ids only. */
  fields: string[] | null;
  expand: string[];
  properties: string[];
}

/** Page tokens are opaque to callers; here they carry the offset and the query they belong to. */
const encodeToken = (offset: number, jql: string): string =>
  Buffer.from(JSON.stringify({ offset, jql })).toString('base64url');

const decodeToken = (token: string, jql: string): number => {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; jql?: unknown };
    if (typeof decoded.offset === 'number' && decoded.offset >= 0 && decoded.jql === jql) return decoded.offset;
  } catch {
    // Falls through to the refusal below.
  }
  throw restErrors.badRequest(['The provided next page token is invalid or expired.']);
};

const search = (ctx: RequestContext, request: SearchRequest): LocalResponse => {
  const viewer = viewerOf(ctx);
  const query = parseJql(request.jql);
  if (query.where === null) {
    throw restErrors.invalidJql([
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  }
  const visible = ctx.store.issues().filter((issue) => canBrowse(viewer, issue));
  const found = runJql(query, { store: ctx.store, viewer, now: ctx.now }, visible);
  const offset = request.nextPageToken ? decodeToken(request.nextPageToken, request.jql) : 0;
  const page = found.slice(offset, offset + request.maxResults);
  const isLast = offset + request.maxResults >= found.length;
  const expand = new Set(request.expand);
  const fields = request.fields === null ? [] : selectFields(request.fields, '*navigable');
  const issues = page.map((issue) =>
    request.fields === null && request.properties.length === 0 && expand.size === 0
      ? { id: issue.id }
      : issueBean(ctx, issue, {
          fields,
          expand,
          properties: request.properties.length > 0 ? request.properties : null,
          namesOnIssue: false,
        }),
  );
  return json(200, {
    issues,
    ...(isLast ? {} : { nextPageToken: encodeToken(offset + request.maxResults, request.jql) }),
    isLast,
    ...(expand.has('names') ? { names: fieldNames(fields) } : {}),
    ...(expand.has('schema') ? { schema: fieldSchemas(fields) } : {}),
  });
};

const clampMaxResults = (value: number): number => Math.min(Math.max(value, 1), MAX_RESULTS_LIMIT);

/** GET /search/jql */
export const searchJqlGet = (ctx: RequestContext): LocalResponse => {
  const fields = ctx.query.has('fields') ? listParam(ctx.query, 'fields') : null;
  return search(ctx, {
    jql: ctx.query.get('jql') ?? '',
    nextPageToken: ctx.query.get('nextPageToken'),
    maxResults: clampMaxResults(intParam(ctx.query, 'maxResults', 50)),
    fields,
    expand: listParam(ctx.query, 'expand'),
    properties: listParam(ctx.query, 'properties'),
  });
};

const searchBodySchema = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullable().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).optional(),
});

/** POST /search/jql */
export const searchJqlPost = (ctx: RequestContext): LocalResponse => {
  const parsed = searchBodySchema.safeParse(readJsonBody(ctx));
  if (!parsed.success)
    throw restErrors.badRequest(['Invalid request payload. Refer to the REST API documentation and try again.']);
  const body = parsed.data;
  return search(ctx, {
    jql: body.jql ?? '',
    nextPageToken: body.nextPageToken ?? null,
    maxResults: clampMaxResults(body.maxResults ?? 50),
    fields: body.fields
      ? body.fields
          .flatMap((field) => field.split(','))
          .map((field) => field.trim())
          .filter(Boolean)
      : null,
    expand: (body.expand ?? '')
      .split(',')
      .map((option) => option.trim())
      .filter(Boolean),
    properties: body.properties ?? [],
  });
};

/** POST /search/approximate-count */
export const approximateCount = (ctx: RequestContext): LocalResponse => {
  const viewer = viewerOf(ctx);
  const parsed = z.object({ jql: z.string() }).safeParse(readJsonBody(ctx));
  if (!parsed.success)
    throw restErrors.badRequest(['Invalid request payload. Refer to the REST API documentation and try again.']);
  const query = parseJql(parsed.data.jql);
  if (query.where === null) {
    throw restErrors.invalidJql([
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  }
  const visible = ctx.store.issues().filter((issue) => canBrowse(viewer, issue));
  return json(200, { count: runJql(query, { store: ctx.store, viewer, now: ctx.now }, visible).length });
};
