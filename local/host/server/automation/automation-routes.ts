import { z } from 'zod';

import type { JiraEmulator, JiraUser } from '../../../jira/types';
import { OUTCOME_LABELS, type PageUser, readIssueList, renderAutomationPage, renderRunRow } from '../../../jira/web';
import { parseBody } from '../../../shared/http-kit';
import { FRAME_PARAMS } from '../../browser/protocol';
import type { AutomationActionModule } from '../manifest-actions';
import type { AutomationRules, AutomationRun } from './automation-rules';
import { SUPPORTED_SMART_VALUES } from './smart-values';

/** The page's calls: "Save" (the form's inputs as the rule's configuration) and "Run rule". */
export type AutomationApiRoute = 'config' | 'run';

const inputsSchema = z.record(z.string().max(255), z.union([z.string(), z.number(), z.boolean()]));

const configSchema = z.object({ actionKey: z.string().min(1).max(255), inputs: inputsSchema });

const runSchema = z.object({
  actionKey: z.string().min(1).max(255).optional(),
  issueKey: z.string().min(1).max(255),
  inputs: inputsSchema,
});

export interface AutomationRoutesDeps {
  rules: AutomationRules;
  jira: JiraEmulator;
  pageUser: (user: JiraUser) => PageUser;
}

/** What "Run rule" answers: the audit log entry, its outcome's label and the row the page inserts. */
export interface RunAnswer {
  run: AutomationRun;
  outcome: string;
  rowHtml: string;
}

/** The Automation form's frame URL: the action's module key, and the marker that gives it the page's inputs. */
export const actionFrameUrl = (action: AutomationActionModule): string | undefined => {
  if (action.resourceKey === undefined) return undefined;
  const query = new URLSearchParams({ [FRAME_PARAMS.moduleKey]: action.key, [FRAME_PARAMS.actionConfig]: '1' });
  return `/forge/resources/${encodeURIComponent(action.resourceKey)}/index.html?${query.toString()}`;
};

/** `/automation` and the `/__host/automation/*` calls its buttons make. */
export const createAutomationRoutes = (deps: AutomationRoutesDeps) => {
  const { rules, jira } = deps;

  return {
    /** `/automation?action=<key>`: the rule for one action (the first by default). */
    page: async (user: JiraUser, url: URL): Promise<string> => {
      const actions = rules.actions();
      const requested = url.searchParams.get('action');
      const action = actions.length === 0 ? undefined : rules.action(requested ?? undefined);
      const issues = await readIssueList(jira, user.accountId);
      return renderAutomationPage({
        user: deps.pageUser(user),
        users: jira.users().map(deps.pageUser),
        path: `${url.pathname}${url.search}`,
        actions,
        action,
        frameUrl: action ? actionFrameUrl(action) : undefined,
        configuration: action ? rules.configuration(action.key) : { inputs: {}, invalidInputs: {} },
        issues: issues.map((issue) => ({ key: issue.key, summary: issue.fields.summary })),
        runs: action ? rules.runs(action.key) : [],
        smartValues: SUPPORTED_SMART_VALUES,
      });
    },

    api: async (route: AutomationApiRoute, body: unknown, user: JiraUser): Promise<unknown> => {
      if (route === 'config') {
        const request = parseBody(configSchema, body, 'Save');
        return rules.saveConfiguration(request.actionKey, request.inputs);
      }
      const request = parseBody(runSchema, body, 'Run rule');
      const run = await rules.run({ ...request, accountId: user.accountId });
      const answer: RunAnswer = { run, outcome: OUTCOME_LABELS[run.outcome], rowHtml: renderRunRow(run).value };
      return answer;
    },
  };
};

export type AutomationRoutes = ReturnType<typeof createAutomationRoutes>;
