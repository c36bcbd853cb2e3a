import { assertJiraAdmin } from '../../../src/jira/admin-check';
import { NotAdminError } from '../../../src/jira/errors';
import { adminPermissions, fakeJira } from '../support/fake-jira';

describe('assertJiraAdmin', () => {
  it('asks Jira for the ADMINISTER permission as the user and passes an admin', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: adminPermissions(true) }));
    await expect(assertJiraAdmin(requestJira)).resolves.toBeUndefined();
    expect(calls.map((call) => call.path)).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });

  it('throws NotAdminError for someone without ADMINISTER', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: adminPermissions(false) }));
    const error = await assertJiraAdmin(requestJira).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAdminError);
    expect(error).toMatchObject({ code: 'NOT_ADMIN' });
  });

  it('names the missing field when the answer has no ADMINISTER entry', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { permissions: {} } }));
    await expect(assertJiraAdmin(requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message:
        'GET /rest/api/3/mypermissions answered an unexpected body: permissions.ADMINISTER: Invalid input: expected object, received undefined',
    });
  });

  it.each([
    [401, 'JIRA_FORBIDDEN'],
    [403, 'JIRA_FORBIDDEN'],
    [500, 'JIRA_REQUEST_FAILED'],
  ])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(assertJiraAdmin(requestJira)).rejects.toMatchObject({ code, status });
  });
});
