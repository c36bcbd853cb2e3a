import { addressKey } from '../contract/email-address';
import type { PersonOption } from '../contract/issue-email';
import { safeErrorLabel } from '../shared/error-names';
import { NotAllowedToSendError } from './errors';
import type { Caller, IssueEmailDeps } from './issue-email-ports';

type SearchDeps = Pick<
  IssueEmailDeps,
  'credentials' | 'jira' | 'searchDirectory' | 'readSettings' | 'checkPermission' | 'mayBrowseUsers'
>;

export interface SearchPeopleRequest {
  query: string;
  /** From the resolver context, never from the payload. */
  issueKey: string;
  caller: Caller;
}

const MAX_PEOPLE = 20;

/**
 * People by name from the Microsoft 365 directory (through the default credential; this is what User.Read.All is
 * for) and from Jira (only those whose email Jira shows), for picking recipients. The directory is read with the
 * app's tenant-wide permission, so who asks is checked first: someone the admin's "who may send" leaves out is
 * refused as when sending, and someone Jira does not let browse people (a service desk customer) finds no one.
 * Directory entries come first; an address found in both is listed once. One source failing still answers the other.
 */
export const searchPeople = async (request: SearchPeopleRequest, deps: SearchDeps): Promise<PersonOption[]> => {
  const [settings, issue] = await Promise.all([deps.readSettings(), deps.jira.readIssue(request.issueKey)]);
  const permission = await deps.checkPermission(settings, issue.project?.key, request.caller.accountId);
  if (!permission.allowed) throw new NotAllowedToSendError(permission.reason);
  if (!(await deps.mayBrowseUsers())) return [];

  const credential = await deps.credentials.findDefault();
  const [directory, jira] = await Promise.allSettled([
    credential === undefined ? Promise.resolve([]) : deps.searchDirectory(credential, request.query),
    deps.jira.searchUsers(request.query),
  ]);
  if (directory.status === 'rejected' && jira.status === 'rejected') throw directory.reason;
  for (const outcome of [directory, jira]) {
    if (outcome.status === 'rejected')
      console.warn(`[issue-mailer] a people search source failed: ${safeErrorLabel(outcome.reason)}`);
  }
  const people: PersonOption[] = [
    ...(directory.status === 'fulfilled'
      ? directory.value.map((person): PersonOption => ({
          name: person.name,
          address: person.address,
          source: 'directory',
          ...(person.detail === undefined ? {} : { detail: person.detail }),
        }))
      : []),
    ...(jira.status === 'fulfilled' ? jira.value : []),
  ];
  const seen = new Set<string>();
  return people
    .filter((person) => {
      if (person.address === null) return false;
      const key = addressKey(person.address);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_PEOPLE);
};
