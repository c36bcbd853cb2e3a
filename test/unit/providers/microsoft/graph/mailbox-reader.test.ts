import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import { readInbox, readUser } from '../../../../../src/providers/microsoft/graph/mailbox-reader';
import { jsonResponse, sequenceFetch, timeoutError } from '../../../support/fake-fetch';

const deps = (answers: Parameters<typeof sequenceFetch>[0], graphBaseUrl = 'https://graph.microsoft.com/v1.0/') => {
  const { fetch, calls } = sequenceFetch(answers);
  return { calls, deps: { fetch, graphBaseUrl, env: {} } };
};

describe('mailbox reader', () => {
  it('reads the user with $select, the mailbox address encoded, the token as bearer, redirects refused', async () => {
    const { calls, deps: d } = deps([
      jsonResponse(200, { id: 'u-1', displayName: null, userPrincipalName: 'a+b@contoso.com' }),
    ]);
    await expect(readUser('a+b@contoso.com', 'tok', d)).resolves.toEqual({
      id: 'u-1',
      displayName: null,
      userPrincipalName: 'a+b@contoso.com',
    });
    expect(calls[0]).toMatchObject({
      url: 'https://graph.microsoft.com/v1.0/users/a%2Bb%40contoso.com?$select=id,displayName,userPrincipalName,mail',
      method: 'GET',
      headers: { authorization: 'Bearer tok', accept: 'application/json' },
      redirect: 'error',
      hasSignal: true,
    });
  });

  it('reads the inbox folder', async () => {
    const { calls, deps: d } = deps([jsonResponse(200, { id: 'AAMk', totalItemCount: 0 })]);
    await expect(readInbox('support@contoso.com', 'tok', d)).resolves.toEqual({ id: 'AAMk', totalItemCount: 0 });
    expect(calls[0]?.url).toBe(
      'https://graph.microsoft.com/v1.0/users/support%40contoso.com/mailFolders/inbox?$select=id,totalItemCount',
    );
  });

  it.each([
    [
      'a timeout',
      timeoutError(),
      'GRAPH_TIMEOUT',
      'GET graph.microsoft.com/v1.0/users/support%40contoso.com timed out.',
    ],
    [
      'no answer',
      new TypeError('fetch failed'),
      'GRAPH_UNREACHABLE',
      'GET graph.microsoft.com/v1.0/users/support%40contoso.com failed: no answer from the server.',
    ],
    [
      'HTML',
      new Response('<html>', { status: 200 }),
      'GRAPH_RESPONSE_INVALID',
      'GET graph.microsoft.com/v1.0/users/support%40contoso.com answered 200 without a JSON body.',
    ],
    [
      'no id',
      jsonResponse(200, { displayName: 'x' }),
      'GRAPH_RESPONSE_INVALID',
      'GET graph.microsoft.com/v1.0/users/support%40contoso.com answered 200 with id: Invalid input: expected string, received undefined.',
    ],
  ])('turns %s into a GraphError naming method and URL', async (_label, answer, code, message) => {
    const error = await readUser('support@contoso.com', 'tok', deps([answer]).deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code, message });
  });

  it('refuses a Graph base URL outside the egress policy without calling it', async () => {
    const { calls, deps: d } = deps([], 'https://graph.example.com/v1.0');
    await expect(readUser('support@contoso.com', 'tok', d)).rejects.toMatchObject({ code: 'ENDPOINT_NOT_ALLOWED' });
    expect(calls).toHaveLength(0);
  });
});
