import { createAdminFunctions } from './admin-functions';
import { ownDefinitions } from './own-definitions';
import { runtimeDeps } from './runtime-deps';

export const handler = ownDefinitions(createAdminFunctions(runtimeDeps));
