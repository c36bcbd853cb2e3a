import { lazyIssueActionFunctions } from './issue-action/issue-action-parts';
import { ownDefinitions } from './own-definitions';

export const handler = ownDefinitions(lazyIssueActionFunctions());
