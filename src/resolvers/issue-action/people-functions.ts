import { searchPeopleSchema } from '../../contract/issue-email';
import type { IssueEmailDeps } from '../../mail/issue-email-ports';
import { searchPeople } from '../../mail/search-people';
import { issueKeyFromContext } from '../issue-context';
import { resolverFunction } from '../resolver-kit';
import { callerFromContext, type IssueActionHandlers, onIssue } from './on-issue';

/** Jira's users and the Microsoft 365 directory (through Graph), as the user types a recipient. */
export type PeopleDeps = Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'searchDirectory' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers'
>;

/** The dialog's people search. */
export const peopleFunctions = (deps: PeopleDeps): Pick<IssueActionHandlers, 'searchPeople'> => ({
  searchPeople: resolverFunction({
    ...onIssue,
    name: 'searchPeople',
    schema: searchPeopleSchema,
    run: ({ query }, request) =>
      searchPeople({ query, issueKey: issueKeyFromContext(request), caller: callerFromContext(request) }, deps),
  }),
});
