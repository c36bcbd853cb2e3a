import { getSignedInUser, readSignedInUser } from '../../../../../src/providers/microsoft/graph/signed-in-user';
import { jsonResponse, sequenceFetch } from '../../../support/fake-fetch';

const USER = {
  id: 'u-1',
  displayName: 'Contoso Support',
  mail: 'support@contoso.com',
  userPrincipalName: 'support@contoso.onmicrosoft.com',
};

describe("Graph's signed-in user (GET /me)", () => {
  it.each<[string, unknown, ReturnType<typeof readSignedInUser>]>([
    [
      'a user with mail',
      USER,
      { ok: true, value: { id: 'u-1', displayName: 'Contoso Support', mailbox: 'support@contoso.com' } },
    ],
    [
      'a user without mail or name',
      { ...USER, mail: null, displayName: null },
      { ok: true, value: { id: 'u-1', displayName: undefined, mailbox: 'support@contoso.onmicrosoft.com' } },
    ],
    ['no object', [USER], { ok: false, problem: '(root): expected an object' }],
    ['no id', { ...USER, id: '' }, { ok: false, problem: 'id: expected a non-empty string' }],
    [
      'no user principal name',
      { ...USER, userPrincipalName: 7 },
      { ok: false, problem: 'userPrincipalName: expected a non-empty string' },
    ],
    ['a mail that is no string', { ...USER, mail: ['a'] }, { ok: false, problem: 'mail: expected a string or null' }],
    [
      'a name that is no string',
      { ...USER, displayName: {} },
      { ok: false, problem: 'displayName: expected a string or null' },
    ],
  ])('reads %s', (_label, value, expected) => {
    expect(readSignedInUser(value)).toEqual(expected);
  });

  it('asks /me for four fields with the token, and names the field Graph got wrong', async () => {
    const { fetch, calls } = sequenceFetch([jsonResponse(200, USER), jsonResponse(200, { ...USER, id: 5 })]);
    const deps = {
      fetch,
      graphBaseUrl: 'https://graph.microsoft.com/v1.0/',
      tokenProvider: { getAccessToken: () => Promise.resolve('TOKEN') },
      env: {},
    };
    await expect(getSignedInUser(deps)).resolves.toEqual({
      id: 'u-1',
      displayName: 'Contoso Support',
      mailbox: 'support@contoso.com',
    });
    expect(calls[0]).toMatchObject({
      method: 'GET',
      url: 'https://graph.microsoft.com/v1.0/me?$select=id,displayName,mail,userPrincipalName',
    });
    expect(calls[0]?.headers['authorization']).toBe('Bearer TOKEN');
    await expect(getSignedInUser(deps)).rejects.toMatchObject({
      code: 'GRAPH_RESPONSE_INVALID',
      message: 'GET graph.microsoft.com/v1.0/me answered 200 with id: expected a non-empty string.',
    });
  });
});
