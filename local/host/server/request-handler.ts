import type { IncomingMessage, ServerResponse } from 'node:http';

import type { JiraEmulator, JiraUser } from '../../jira/types';
import { forwardToJira, runAsSessionUser, sendHtml, type UserSession } from '../../jira/web';
import { HostHttpError, readBody, readJson, redirect, send, sendJson } from '../../shared/http-kit';
import type { AutomationApiRoute, AutomationRoutes } from './automation/automation-routes';
import type { BrowserAssets } from './browser-assets';
import type { ForgeEndpoints } from './forge-endpoints';
import type { AppManifest } from './manifest-modules';
import type { createPageRoutes } from './page-routes';
import { readResourceFile, resourceCsp } from './resource-files';
import { type ScheduledTriggers, UnknownTriggerError } from './scheduled-triggers';

export interface RequestHandlerDeps {
  projectRoot: string;
  manifest: AppManifest;
  assets: BrowserAssets;
  jira: JiraEmulator;
  session: UserSession;
  endpoints: ForgeEndpoints;
  pages: ReturnType<typeof createPageRoutes>;
  triggers: Pick<ScheduledTriggers, 'run'>;
  /** The Automation page and its "Save" / "Run rule" calls. */
  automation?: AutomationRoutes;
  guard: (request: IncomingMessage) => void;
  log: (line: string) => void;
}

const JSON_LIMIT = 1024 * 1024;
/** "Run now" is a form with no fields. */
const FORM_LIMIT = 1024;
/** requestJira may upload attachments, sent as base64 inside JSON. */
const FETCH_PRODUCT_LIMIT = 20 * 1024 * 1024;
const JS = { 'content-type': 'text/javascript; charset=utf-8' };

type ForgeRoute = 'invoke' | 'context' | 'fetch-product' | 'url';

/** Dispatches the site's requests: Jira pages, app resources, the bridge endpoints and the REST API. */
export const createRequestHandler = (deps: RequestHandlerDeps) => {
  const { session, endpoints, pages } = deps;

  const forge = async (route: ForgeRoute, request: IncomingMessage, user: JiraUser): Promise<unknown> => {
    const body = await readJson(request, route === 'fetch-product' ? FETCH_PRODUCT_LIMIT : JSON_LIMIT);
    switch (route) {
      case 'invoke':
        return endpoints.invoke(body, user);
      case 'context':
        return endpoints.context(body, user);
      case 'fetch-product':
        return endpoints.fetchProduct(body, user);
      case 'url':
        return endpoints.url(body);
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse, url: URL, user: JiraUser) => {
    const method = request.method ?? 'GET';
    const { pathname } = url;
    const isRead = method === 'GET' || method === 'HEAD';

    if (pathname.startsWith('/rest/')) return forwardToJira(deps.jira, user, request, response);

    const forgeRoute = /^\/__forge\/(invoke|context|fetch-product|url)$/.exec(pathname)?.[1] as ForgeRoute | undefined;
    if (forgeRoute) {
      if (method !== 'POST') throw new HostHttpError(405, `${pathname} takes POST.`, 'METHOD_NOT_ALLOWED');
      return sendJson(response, 200, await forge(forgeRoute, request, user));
    }

    // "Run now" on the home page: a form POST (the guard has checked it comes from this site), then back home.
    const triggerRun = /^\/__host\/triggers\/([\w-]+)\/run$/.exec(pathname);
    if (triggerRun) {
      if (method !== 'POST') throw new HostHttpError(405, `${pathname} takes POST.`, 'METHOD_NOT_ALLOWED');
      await readBody(request, FORM_LIMIT);
      const key = triggerRun[1] ?? '';
      try {
        await deps.triggers.run(key);
      } catch (error) {
        if (error instanceof UnknownTriggerError) {
          throw new HostHttpError(404, `The app has no scheduled trigger ${key}.`, 'UNKNOWN_TRIGGER');
        }
        throw error;
      }
      return redirect(response, '/');
    }

    const automationCall = /^\/__host\/automation\/(config|run)$/.exec(pathname)?.[1] as AutomationApiRoute | undefined;
    if (automationCall && deps.automation) {
      if (method !== 'POST') throw new HostHttpError(405, `${pathname} takes POST.`, 'METHOD_NOT_ALLOWED');
      return sendJson(
        response,
        200,
        await deps.automation.api(automationCall, await readJson(request, JSON_LIMIT), user),
      );
    }

    if (!isRead) throw new HostHttpError(405, `${method} is not allowed on ${pathname}.`, 'METHOD_NOT_ALLOWED');

    if (pathname === '/__forge/bridge.js') return send(response, 200, deps.assets.bridgeJs, JS);
    if (pathname === '/__host/page.js') return send(response, 200, deps.assets.pageJs, JS);
    if (pathname === '/__host/host.css') {
      return send(response, 200, deps.assets.hostCss, { 'content-type': 'text/css; charset=utf-8' });
    }
    if (pathname === '/favicon.ico') return send(response, 204, '', {});

    const resource = /^\/forge\/resources\/([\w-]+)(\/.*)?$/.exec(pathname);
    if (resource) {
      const [, resourceKey = '', rest] = resource;
      const resourcePath = deps.manifest.resources.get(resourceKey);
      if (!resourcePath) throw new HostHttpError(404, `The app has no resource ${resourceKey}.`, 'UNKNOWN_RESOURCE');
      // Relative asset URLs need the trailing slash.
      if (rest === undefined) return redirect(response, `${pathname}/${url.search}`);
      const file = await readResourceFile(resourceKey, `${deps.projectRoot}/${resourcePath}`, rest.slice(1));
      return send(response, 200, file.body, {
        'content-type': file.contentType,
        'content-security-policy': resourceCsp(deps.manifest),
      });
    }

    // Signing in as someone else: any page with ?as=<accountId>.
    const as = url.searchParams.get('as');
    if (as !== null) {
      const cookie = session.switchTo(as);
      if (!cookie) throw new HostHttpError(404, `No user has the account id ${as}.`, 'UNKNOWN_USER');
      url.searchParams.delete('as');
      return redirect(response, `${pathname}${url.search}`, { 'set-cookie': cookie });
    }

    if (pathname === '/') return sendHtml(response, 200, await pages.home(user));
    // An admin page and, below its path, the app's own routes (view.createHistory()).
    const admin = /^\/admin(?:\/([\w-]+))?(?:\/[\w./-]*)?$/.exec(pathname);
    if (admin) return sendHtml(response, 200, pages.admin(user, admin[1]));
    const browse = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)\/?$/.exec(pathname);
    if (browse) return sendHtml(response, 200, await pages.issue(user, (browse[1] ?? '').toUpperCase(), request));
    if (/^\/automation\/?$/.test(pathname) && deps.automation)
      return sendHtml(response, 200, await deps.automation.page(user, url));

    throw new HostHttpError(404, `There is no page at ${pathname}.`, 'PAGE_NOT_FOUND');
  };

  const failurePageTitle = (request: IncomingMessage, url: URL) => (status: number) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && !/^\/(__|forge\/|rest\/)/.test(url.pathname);
    if (!wantsPage) return undefined;
    return status === 404
      ? "We can't find that page"
      : status === 403
        ? "You don't have access"
        : 'Something went wrong';
  };
  const sessionDeps = { guard: deps.guard, session, users: () => deps.jira.users(), log: deps.log };

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://host.local');
    await runAsSessionUser(
      request,
      response,
      url,
      sessionDeps,
      (user) => route(request, response, url, user),
      failurePageTitle(request, url),
    );
  };
};
