import { createIssueActionFunctions } from './issue-action-functions';
import { ownDefinitions } from './own-definitions';
import { runtimeDeps } from './runtime-deps';

export const handler = ownDefinitions(createIssueActionFunctions(runtimeDeps));
