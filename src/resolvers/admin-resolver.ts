import { lazyAdminFunctions } from './admin/admin-sections';
import { ownDefinitions } from './own-definitions';

export const handler = ownDefinitions(lazyAdminFunctions());
