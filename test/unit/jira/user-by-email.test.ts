import { JiraError } from '../../../src/jira/errors';
import { mayCommentOn } from '../../../src/jira/my-permissions';
import { findAccountIdByEmail } from '../../../src/jira/user-by-email';
import { fakeJira } from '../support/fake-jira';

const person = (accountId: string, emailAddress: string | undefined, more: Record<string, unknown> = {}) => ({
  accountId,
  accountType: 'atlassian',
  active: true,
  ...(emailAddress === undefined ? {} : { emailAddress }),
  ...more,
});

describe('findAccountIdByEmail', () => {
  it('takes the active person whose shown address is the sender, by the whole address in any case', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: [person('u-namesake', 'jordan.other@example.com'), person('u-jordan', 'Jordan@Example.com')],
    }));
    await expect(findAccountIdByEmail('jordan@example.com', requestJira)).resolves.toBe('u-jordan');
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/user/search?query=jordan%40example.com&maxResults=10',
    ]);
  });

  it('reads hidden addresses through the Email API before it matches one', async () => {
    const { requestJira, calls } = fakeJira((path) =>
      path.startsWith('/rest/api/3/user/search')
        ? { status: 200, body: [person('u-hidden', undefined), person('u-other', undefined)] }
        : {
            status: 200,
            body: [
              { accountId: 'u-hidden', email: 'casey@customer.example' },
              { accountId: 'u-other', email: 'someone@customer.example' },
            ],
          },
    );
    await expect(findAccountIdByEmail('casey@customer.example', requestJira)).resolves.toBe('u-hidden');
    expect(calls.map((call) => call.path.split('?')[0])).toEqual([
      '/rest/api/3/user/search',
      '/rest/api/3/user/email/bulk',
    ]);
  });

  it.each([
    ['an app', person('u-app', 'jordan@example.com', { accountType: 'app' })],
    ['a deactivated account', person('u-gone', 'jordan@example.com', { active: false })],
    ['a customer', person('u-customer', 'jordan@example.com', { accountType: 'customer' })],
    ['someone else', person('u-else', 'jordan@example.org')],
  ])('finds nobody when the only match is %s', async (_case, user) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: [user] }));
    await expect(findAccountIdByEmail('jordan@example.com', requestJira)).resolves.toBeUndefined();
  });
});

describe('mayCommentOn', () => {
  it('asks for ADD_COMMENTS on the issue and answers its havePermission', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: { permissions: { ADD_COMMENTS: { havePermission: true } } },
    }));
    await expect(mayCommentOn('DEMO-3', requestJira)).resolves.toBe(true);
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/mypermissions?issueKey=DEMO-3&permissions=ADD_COMMENTS',
    ]);
  });

  it('answers false for an issue that is gone or hidden (404), and throws on a refusal of the app (403)', async () => {
    await expect(mayCommentOn('DEMO-404', fakeJira(() => ({ status: 404, body: {} })).requestJira)).resolves.toBe(
      false,
    );
    await expect(mayCommentOn('DEMO-3', fakeJira(() => ({ status: 403, body: {} })).requestJira)).rejects.toThrow(
      JiraError,
    );
  });
});
