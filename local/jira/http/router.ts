import type { LocalRequest } from '../../http-types';
import type { JiraStreamingResponse } from '../types';
import type { RequestContext } from './context';

/** A LocalResponse, or one whose body is a stream (attachment content). */
export type Handler = (ctx: RequestContext) => JiraStreamingResponse | Promise<JiraStreamingResponse>;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  /** REST paths are relative to `/rest/api/{2|3|latest}`; others (icons, avatars) are site paths. */
  scope: 'rest' | 'site';
  /** Segments in braces are parameters, e.g. `/issue/{issueIdOrKey}/comment`. */
  pattern: string;
  methods: Partial<Record<Method, Handler>>;
  /** Open to anonymous callers (Jira's serverInfo; images the browser loads). */
  anonymous?: boolean;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  apiVersion: 2 | 3;
}

const REST_PREFIX = /^\/rest\/api\/(2|3|latest)(\/.*)?$/;

const matchPattern = (pattern: string, path: string): Record<string, string> | null => {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const expected = want[i] as string;
    const actual = have[i] as string;
    if (expected.startsWith('{') && expected.endsWith('}')) {
      if (actual === '') return null;
      try {
        params[expected.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
};

/** Finds the route for a path; `latest` is v2 on Jira Cloud. */
export const findRoute = (routes: readonly Route[], pathname: string): RouteMatch | null => {
  const rest = REST_PREFIX.exec(pathname);
  const scope = rest ? 'rest' : 'site';
  const path = rest ? (rest[2] ?? '/').replace(/\/$/, '') || '/' : pathname;
  const apiVersion = rest?.[1] === '3' ? 3 : 2;
  for (const route of routes) {
    if (route.scope !== scope) continue;
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params, apiVersion };
  }
  return null;
};

export const methodOf = (request: LocalRequest): string => request.method.toUpperCase();
