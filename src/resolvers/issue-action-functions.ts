import type { IssueEmailDeps } from '../mail/issue-email-ports';
import { composeFunctions } from './issue-action/compose-functions';
import type { IssueActionHandlers } from './issue-action/on-issue';
import { peopleFunctions } from './issue-action/people-functions';
import { sendFunctions } from './issue-action/send-functions';
import { statusFunctions } from './issue-action/status-functions';

/**
 * The issue action's functions, every part at once over one set of dependencies (tests). The issue-action resolver
 * itself loads each part (compose, people, send, status) on its first call (issue-action/issue-action-parts.ts).
 * The issue is always the one in the invocation context.
 */
export const createIssueActionFunctions = (deps: IssueEmailDeps): IssueActionHandlers => ({
  ...composeFunctions(deps),
  ...peopleFunctions(deps),
  ...sendFunctions(deps),
  ...statusFunctions(deps),
});
