import { createIssueActionDeps } from '../composition/issue-action-resolver-root';
import { createIssueActionFunctions } from './issue-action-functions';
import { ownDefinitions } from './own-definitions';

export const handler = ownDefinitions(createIssueActionFunctions(createIssueActionDeps()));
