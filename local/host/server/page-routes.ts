import type { IncomingMessage } from 'node:http';

import type { JiraEmulator, JiraUser } from '../../jira/types';
import {
  pageUser,
  readIssueList,
  readIssueTransitions,
  readIssueView,
  renderAdminPage,
  renderHomePage,
  renderIssuePage,
} from '../../jira/web';
import type { MicrosoftEmulator } from '../../microsoft/types';
import { HostHttpError } from '../../shared/http-kit';
import type { LocalQueue } from '../queue';
import { displayConditionsHold, jiraConditionFacts } from './display-conditions';
import { type AppManifest, modulesOfType, type UiModule } from './manifest-modules';
import type { ScheduledTriggers } from './scheduled-triggers';

export interface PageDeps {
  manifest: AppManifest;
  jira: JiraEmulator;
  microsoft: MicrosoftEmulator;
  triggers: Pick<ScheduledTriggers, 'list'>;
  queue: Pick<LocalQueue, 'status'>;
}

/** The first admin page lives at /admin, as the local site's "the app's admin page"; others under /admin/<key>. */
export const adminPagePath = (manifest: AppManifest, module: UiModule): string =>
  modulesOfType(manifest, 'jira:adminPage')[0]?.key === module.key ? '/admin' : `/admin/${module.key}`;

/** A resource frame's URL: which module it shows and, for issue modules, which issue. */
export const resourceFrameUrl = (module: UiModule, issueKey?: string): string => {
  const query = new URLSearchParams({ moduleKey: module.key });
  if (issueKey) query.set('issueKey', issueKey);
  return `/forge/resources/${encodeURIComponent(module.resourceKey)}/index.html?${query.toString()}`;
};

export const createPageRoutes = (deps: PageDeps) => {
  const { manifest, jira, microsoft, triggers, queue } = deps;
  const users = () => jira.users().map(pageUser);
  /** The modules whose display conditions hold for the person looking, as Jira lists them. */
  const shownTo = async (user: JiraUser, modules: UiModule[]): Promise<UiModule[]> => {
    const facts = jiraConditionFacts(jira, user.accountId);
    const shown = await Promise.all(modules.map((module) => displayConditionsHold(module.displayConditions, facts)));
    return modules.filter((_module, index) => shown[index]);
  };
  const adminPages = () =>
    modulesOfType(manifest, 'jira:adminPage').map((module) => ({
      title: module.title,
      href: adminPagePath(manifest, module),
    }));

  return {
    home: async (user: JiraUser): Promise<string> =>
      renderHomePage({
        user: pageUser(user),
        users: users(),
        issues: await readIssueList(jira, user.accountId),
        adminPages: adminPages(),
        issueActions: modulesOfType(manifest, 'jira:issueAction').map((module) => module.title),
        automationActions: manifest.automationActions.map((action) => ({
          name: action.name,
          href: `/automation?action=${encodeURIComponent(action.key)}`,
        })),
        microsoft: {
          portalUrl: `${microsoft.loginBaseUrl}/portal`,
          mailboxUrl: `${microsoft.graphBaseUrl}/mailbox`,
          loginBaseUrl: microsoft.loginBaseUrl,
          graphBaseUrl: microsoft.graphBaseUrl,
        },
        scheduledTriggers: triggers.list(),
        queues: { consumers: manifest.consumers, status: queue.status() },
      }),

    admin: (user: JiraUser, moduleKey: string | undefined): string => {
      const pages = modulesOfType(manifest, 'jira:adminPage');
      // "/admin/<segment>" names another admin page, or else is a route of the first page's app.
      const module = pages.find((candidate) => candidate.key === moduleKey && candidate !== pages[0]) ?? pages[0];
      if (!module) throw new HostHttpError(404, 'The app has no such admin page.', 'PAGE_NOT_FOUND');
      if (!user.isAdmin) {
        throw new HostHttpError(
          403,
          `${user.displayName} is not a Jira administrator and cannot open Jira settings.`,
          'NOT_ADMIN',
        );
      }
      return renderAdminPage({
        user: pageUser(user),
        users: users(),
        path: adminPagePath(manifest, module),
        title: module.title,
        moduleKey: module.key,
        resourceKey: module.resourceKey,
        frameUrl: resourceFrameUrl(module),
        historyBase: adminPagePath(manifest, module),
        appPages: adminPages(),
      });
    },

    issue: async (user: JiraUser, issueKey: string, request: IncomingMessage): Promise<string> => {
      const issue = await readIssueView(jira, user.accountId, issueKey);
      if (!issue) {
        throw new HostHttpError(
          404,
          `Issue ${issueKey} does not exist, or ${user.displayName} cannot see it.`,
          'ISSUE_NOT_FOUND',
        );
      }
      return renderIssuePage({
        user: pageUser(user),
        users: users(),
        path: new URL(request.url ?? '/', 'http://host.local').pathname,
        issue,
        transitions: await readIssueTransitions(jira, user.accountId, issueKey),
        issueActions: (await shownTo(user, modulesOfType(manifest, 'jira:issueAction'))).map((module) => ({
          moduleKey: module.key,
          resourceKey: module.resourceKey,
          title: module.title,
          size: module.viewportSize ?? 'medium',
        })),
      });
    },
  };
};
