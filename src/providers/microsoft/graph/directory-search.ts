import { GraphError, GraphErrorCode } from './errors';
import type { UsersData } from './graph-answer-schemas';
import { readUsers } from './graph-answers';
import { allowedBase } from './graph-base';
import { describeCall, type GraphClientDeps, graphJson } from './graph-request';

/** A page of people is plenty for a recipient picker; Graph's default is 100. */
export const DIRECTORY_SEARCH_TOP = 10;
const SELECT = 'displayName,mail,jobTitle,department';

export interface DirectoryPerson {
  name: string;
  address: string;
  /** Job title and department, to tell people of the same name apart. */
  detail?: string;
}

/** Inside a quoted $search clause Graph reads `\"` and `\\` as the characters themselves. */
const escapeSearchValue = (value: string): string => value.replace(/[\\"]/g, (char) => `\\${char}`);

/** `"displayName:q" OR "mail:q"`: Graph's tokenised search matches words of either that start with q. */
export const directorySearchExpression = (query: string): string => {
  const value = escapeSearchValue(query.trim());
  return `"displayName:${value}" OR "mail:${value}"`;
};

export const directorySearchUrl = (graphBase: string, query: string): string =>
  `${graphBase}/users?$search=${encodeURIComponent(directorySearchExpression(query))}&$select=${SELECT}&$top=${DIRECTORY_SEARCH_TOP}`;

const text = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

/**
 * `GET /users?$search=...` with `ConsistencyLevel: eventual` (Graph's advanced queries need it): people of the
 * tenant whose name or address starts with `query`. Users without a mailbox address are left out. A 403 becomes
 * GRAPH_DIRECTORY_ACCESS_DENIED: searching needs the User.Read.All application permission.
 */
export const searchDirectory = async (query: string, deps: GraphClientDeps): Promise<DirectoryPerson[]> => {
  const url = directorySearchUrl(allowedBase(deps.graphBaseUrl, deps.env), query);
  let users: UsersData['value'];
  try {
    ({
      data: { value: users },
    } = await graphJson(
      { method: 'GET', url, expect: [200], headers: { ConsistencyLevel: 'eventual' } },
      readUsers,
      deps,
    ));
  } catch (error) {
    if (!(error instanceof GraphError) || error.status !== 403) throw error;
    const graphCode = error.graphCode === undefined ? '' : ` ${error.graphCode}`;
    const request = error.requestId === undefined ? '' : ` (request-id ${error.requestId})`;
    throw new GraphError(
      GraphErrorCode.DirectoryAccessDenied,
      `${describeCall('GET', url)} answered 403${graphCode}${request}: the app lacks the User.Read.All application permission or its admin consent.`,
      {
        status: 403,
        reason: 'directory-access-denied',
        ...(error.graphCode === undefined ? {} : { graphCode: error.graphCode }),
        ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
        ...(error.clientRequestId === undefined ? {} : { clientRequestId: error.clientRequestId }),
        cause: error,
      },
    );
  }
  const people: DirectoryPerson[] = [];
  for (const user of users) {
    const address = text(user.mail);
    if (address === undefined) continue;
    const detail = [text(user.jobTitle), text(user.department)].filter((part) => part !== undefined).join(', ');
    people.push({ name: text(user.displayName) ?? address, address, ...(detail === '' ? {} : { detail }) });
  }
  return people;
};
