import type { AdminDeps } from '../../composition/admin-deps';
import {
  issueTypesQuerySchema,
  mailHandlerIdSchema,
  mailHandlerInputSchema,
  reporterQuerySchema,
} from '../../contract/mail-handlers';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type MailHandlersSectionDeps = Pick<AdminDeps, 'requestJira' | 'mailHandlers'>;

type MailHandlersSection = AdminSection<
  | 'listMailHandlers'
  | 'saveMailHandler'
  | 'deleteMailHandler'
  | 'testMailHandler'
  | 'listHandlerProjects'
  | 'listHandlerIssueTypes'
  | 'searchHandlerReporters',
  'mailHandlers' | 'handlerProjects'
>;

/** The mail handlers tab: which mailbox folders the app reads, and what it does with the mail. */
export const mailHandlersSection = (deps: MailHandlersSectionDeps): MailHandlersSection => {
  const admin = adminOnly(deps.requestJira);
  const { handlers, listProjects, listIssueTypes, searchReporters } = deps.mailHandlers;
  const readers: MailHandlersSection['readers'] = {
    mailHandlers: () => handlers.list(),
    handlerProjects: () => listProjects(),
  };
  return {
    readers,
    functions: {
      listMailHandlers: resolverFunction({
        ...admin,
        name: 'listMailHandlers',
        schema: noPayload,
        run: readers.mailHandlers,
      }),
      saveMailHandler: resolverFunction({
        ...admin,
        name: 'saveMailHandler',
        schema: mailHandlerInputSchema,
        run: (input) => handlers.save(input),
      }),
      deleteMailHandler: resolverFunction({
        ...admin,
        name: 'deleteMailHandler',
        schema: mailHandlerIdSchema,
        run: ({ id }) => handlers.delete(id),
      }),
      testMailHandler: resolverFunction({
        ...admin,
        name: 'testMailHandler',
        schema: mailHandlerIdSchema,
        run: ({ id }) => handlers.test(id),
      }),
      listHandlerProjects: resolverFunction({
        ...admin,
        name: 'listHandlerProjects',
        schema: noPayload,
        run: readers.handlerProjects,
      }),
      listHandlerIssueTypes: resolverFunction({
        ...admin,
        name: 'listHandlerIssueTypes',
        schema: issueTypesQuerySchema,
        run: ({ projectKey }) => listIssueTypes(projectKey),
      }),
      searchHandlerReporters: resolverFunction({
        ...admin,
        name: 'searchHandlerReporters',
        schema: reporterQuerySchema,
        run: ({ query }) => searchReporters(query),
      }),
    },
  };
};
