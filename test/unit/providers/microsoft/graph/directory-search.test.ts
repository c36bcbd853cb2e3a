import {
  directorySearchExpression,
  searchDirectory,
} from '../../../../../src/providers/microsoft/graph/directory-search';
import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import type { GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import { type Answer, answersInOrder, fakeTime, GRAPH, graphError, json, staticToken } from './graph-fakes';

const setup = (answers: Answer[]) => {
  const { fetch, requests } = answersInOrder(answers);
  const time = fakeTime();
  const deps: GraphClientDeps = {
    fetch,
    tokenProvider: staticToken(),
    graphBaseUrl: GRAPH,
    now: time.now,
    sleep: time.sleep,
    env: {},
  };
  return { deps, requests };
};

const failure = async (promise: Promise<unknown>): Promise<GraphError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  expect(error.message).not.toMatch(/token-abc|secret-looking|Megan/);
  return error;
};

const WHERE = 'GET graph.microsoft.com/v1.0/users';

describe('directory search', () => {
  it('asks for 10 users by name or address with ConsistencyLevel: eventual and only the fields it shows', async () => {
    const { deps, requests } = setup([json(200, { value: [] })]);
    await searchDirectory(' meg ', deps);
    const url = new URL(requests[0]?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${GRAPH}/users`);
    expect([...url.searchParams.entries()]).toEqual([
      ['$search', '"displayName:meg" OR "mail:meg"'],
      ['$select', 'displayName,mail,jobTitle,department'],
      ['$top', '10'],
    ]);
    expect(requests[0]?.url).toBe(
      `${GRAPH}/users?$search=%22displayName%3Ameg%22%20OR%20%22mail%3Ameg%22&$select=displayName,mail,jobTitle,department&$top=10`,
    );
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.headers).toMatchObject({
      consistencylevel: 'eventual',
      authorization: 'Bearer token-abc',
      accept: 'application/json',
    });
  });

  it.each([
    ['o"brien', '"displayName:o\\"brien" OR "mail:o\\"brien"'],
    ['back\\slash', '"displayName:back\\\\slash" OR "mail:back\\\\slash"'],
    ['a & b+c', '"displayName:a & b+c" OR "mail:a & b+c"'],
  ])('escapes %s for the quoted clauses', (query, expression) => {
    expect(directorySearchExpression(query)).toBe(expression);
  });

  it('answers people with an address, with job title and department as detail', async () => {
    const { deps } = setup([
      json(200, {
        value: [
          {
            displayName: 'Megan Bowen',
            mail: 'megan@contoso.com',
            jobTitle: 'Marketing Manager',
            department: 'Marketing',
          },
          { displayName: 'No Mailbox', mail: null, jobTitle: 'Contractor' },
          { displayName: 'Empty Mail', mail: '  ' },
          { displayName: null, mail: 'room-1@contoso.com', jobTitle: null, department: null },
          { displayName: 'Adele Vance', mail: 'adele@contoso.com', department: 'Retail' },
        ],
      }),
    ]);
    await expect(searchDirectory('a', deps)).resolves.toEqual([
      { name: 'Megan Bowen', address: 'megan@contoso.com', detail: 'Marketing Manager, Marketing' },
      { name: 'room-1@contoso.com', address: 'room-1@contoso.com' },
      { name: 'Adele Vance', address: 'adele@contoso.com', detail: 'Retail' },
    ]);
  });

  it.each([
    ['Authorization_RequestDenied', ' Authorization_RequestDenied'],
    ['ErrorAccessDenied', ' ErrorAccessDenied'],
  ])('turns a 403 %s into GRAPH_DIRECTORY_ACCESS_DENIED naming User.Read.All', async (code, shown) => {
    const { deps, requests } = setup([graphError(403, code, { 'request-id': 'req-403' })]);
    const error = await failure(searchDirectory('meg', deps));
    expect(error).toMatchObject({
      code: 'GRAPH_DIRECTORY_ACCESS_DENIED',
      status: 403,
      reason: 'directory-access-denied',
      graphCode: code,
      requestId: 'req-403',
      message: `${WHERE} answered 403${shown} (request-id req-403): the app lacks the User.Read.All application permission or its admin consent.`,
    });
    expect(requests).toHaveLength(1);
  });

  it('passes other failures on as they are', async () => {
    const { deps } = setup([graphError(400, 'Request_UnsupportedQuery')]);
    const error = await failure(searchDirectory('meg', deps));
    expect(error).toMatchObject({
      code: 'GRAPH_BAD_REQUEST',
      message: `${WHERE} answered 400 Request_UnsupportedQuery (request-id req-err).`,
    });
  });

  it('names the field of an answer it cannot read', async () => {
    const { deps } = setup([json(200, { value: [{ displayName: 'Megan', mail: 7 }] })]);
    const error = await failure(searchDirectory('meg', deps));
    expect(error).toMatchObject({
      code: 'GRAPH_RESPONSE_INVALID',
      message: `${WHERE} answered 200 with value.0.mail: Invalid input: expected string, received number.`,
    });
  });
});
