import { readUserEmails } from '../../../src/jira/user-emails';
import { fakeJira } from '../support/fake-jira';

const BULK = '/rest/api/3/user/email/bulk';
const idsOf = (path: string) => new URLSearchParams(path.split('?')[1]).getAll('accountId');

describe('readUserEmails', () => {
  it('asks the Email API once per 50 accounts, each account once, and maps the answers by account id', async () => {
    const ids = Array.from({ length: 51 }, (_, index) => `u-${index}`);
    const { requestJira, calls } = fakeJira((path) => ({
      status: 200,
      body: idsOf(path).map((accountId) => ({ accountId, email: `${accountId}@customer.example` })),
    }));

    const emails = await readUserEmails([...ids, 'u-0'], requestJira);

    expect(calls.map((call) => [call.path.split('?')[0], idsOf(call.path).length, call.init?.method])).toEqual([
      [BULK, 50, 'GET'],
      [BULK, 1, 'GET'],
    ]);
    expect(emails.size).toBe(51);
    expect(emails.get('u-50')).toBe('u-50@customer.example');
  });

  it('reads a single UnrestrictedUserEmail, as the OpenAPI description names the answer', async () => {
    const { requestJira } = fakeJira(() => ({
      status: 200,
      body: { accountId: 'u-casey', email: 'casey@customer.example' },
    }));
    await expect(readUserEmails(['u-casey'], requestJira)).resolves.toEqual(
      new Map([['u-casey', 'casey@customer.example']]),
    );
  });

  it('leaves out accounts not asked about, without an address, or with one mail cannot go to', async () => {
    const { requestJira } = fakeJira(() => ({
      status: 200,
      body: [
        { accountId: 'u-a', email: 'a@example.com' },
        { accountId: 'u-b' },
        { accountId: 'u-c', email: 'Mallory <c@example.com>' },
        { accountId: 'u-c2', email: 'not an address' },
        { accountId: 'u-other', email: 'other@example.com' },
      ],
    }));
    await expect(readUserEmails(['u-a', 'u-b', 'u-c', 'u-c2'], requestJira)).resolves.toEqual(
      new Map([['u-a', 'a@example.com']]),
    );
  });

  it('asks nothing for no accounts, or for ids that are no account ids', async () => {
    const { requestJira, calls } = fakeJira(() => new Error('unexpected call'));
    await expect(readUserEmails(['', 'a/../b'], requestJira)).resolves.toEqual(new Map());
    expect(calls).toHaveLength(0);
  });

  it.each([
    [401, 'JIRA_FORBIDDEN', 'GET /rest/api/3/user/email/bulk answered 401.'],
    [503, 'JIRA_REQUEST_FAILED', 'GET /rest/api/3/user/email/bulk answered 503.'],
  ])('maps %i to %s', async (status, code, message) => {
    const { requestJira } = fakeJira(() => ({ status, body: { errorMessages: ['You are not authenticated.'] } }));
    await expect(readUserEmails(['u-a'], requestJira)).rejects.toMatchObject({ code, status, message });
  });

  it('names the offending answer of an unexpected body, never a value', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: [{ accountId: 'u-a', email: 7 }] }));
    const error = await readUserEmails(['u-a'], requestJira).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'JIRA_RESPONSE_INVALID', status: 200 });
    expect((error as Error).message).toMatch(/^GET \/rest\/api\/3\/user\/email\/bulk answered an unexpected body: /);
    expect((error as Error).message).not.toContain('7');
  });
});
