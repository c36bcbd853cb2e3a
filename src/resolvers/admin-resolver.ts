import { createAdminResolverDeps } from '../composition/admin-resolver-root';
import { createAdminFunctions } from './admin-functions';
import { ownDefinitions } from './own-definitions';

export const handler = ownDefinitions(createAdminFunctions(createAdminResolverDeps()));
