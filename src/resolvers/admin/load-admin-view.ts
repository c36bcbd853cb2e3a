import type { AdminView } from '../../contract/admin-view';
import { loadAdminViewSchema } from '../../contract/admin-view';
import { fail, ok, type ResolverResult } from '../../contract/result';
import type { RequestJira } from '../../jira/jira-client';
import { type AdminViewOutcomes, type AdminViewReaders, readAdminView } from '../../settings/admin-view';
import { errorAnswer, resolverFunction } from '../resolver-kit';
import { type AdminHandlers, adminOnly } from './admin-section';

/** Each part's outcome as the answer its read function would give alone: its data, or its error in words. */
export const adminViewAnswer = (outcomes: AdminViewOutcomes): AdminView =>
  Object.fromEntries(
    Object.entries(outcomes).map(([part, outcome]): [string, ResolverResult<unknown>] => [
      part,
      outcome.ok ? ok(outcome.data) : fail(errorAnswer(`loadAdminView ${part}`, 'admin', outcome.error)),
    ]),
  );

/**
 * `loadAdminView`: the parts asked for, each read as its own read function reads it (the sections' readers), so a
 * part answers exactly what that function would.
 */
export const loadAdminViewFunction = (
  requestJira: RequestJira,
  readers: AdminViewReaders,
): AdminHandlers['loadAdminView'] =>
  resolverFunction({
    ...adminOnly(requestJira),
    name: 'loadAdminView',
    schema: loadAdminViewSchema,
    run: async ({ parts }) => adminViewAnswer(await readAdminView(parts, readers)),
  });
