import Resolver from '@forge/resolver';
import { createIssueActionFunctions } from './issue-action-functions';
import { runtimeDeps } from './runtime-deps';

const resolver = new Resolver();
for (const [key, fn] of Object.entries(createIssueActionFunctions(runtimeDeps))) resolver.define(key, fn);

export const handler = resolver.getDefinitions();
