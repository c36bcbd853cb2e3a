import * as z from 'zod/mini';

import type { AdminPart } from '../../contract/admin-view';
import type { AdminFunctions } from '../../contract/functions';
import { assertJiraAdmin } from '../../jira/admin-check';
import type { RequestJira } from '../../jira/jira-client';
import type { AdminViewReaders } from '../../settings/admin-view';
import type { ResolverFunction } from '../resolver-kit';

export type AdminHandlers = { [K in keyof AdminFunctions]: ResolverFunction<AdminFunctions[K]['data']> };

/**
 * One section of the admin page (a tab: credentials, templates, ...): its resolver functions and the reads of its
 * parts of `loadAdminView`. The admin resolver loads each section on its first call (admin-sections.ts), so an
 * invocation builds only the schemas and services of the section it answers.
 */
export interface AdminSection<K extends keyof AdminFunctions, P extends AdminPart> {
  functions: Pick<AdminHandlers, K>;
  readers: Pick<AdminViewReaders, P>;
}

/** Every admin function first checks that the caller is a Jira administrator. */
export const adminOnly = (requestJira: RequestJira) =>
  ({ audience: 'admin', guard: () => assertJiraAdmin(requestJira) }) as const;

export const noPayload = z.strictObject({});
