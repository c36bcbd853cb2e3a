import { browsableProjects } from '../../../src/jira/project-access';
import { fakeJira } from '../support/fake-jira';

const permission = (havePermission: boolean) => ({
  permissions: { BROWSE_PROJECTS: { id: '10', key: 'BROWSE_PROJECTS', havePermission } },
});

describe('browsableProjects', () => {
  it('asks Jira once a distinct project key and keeps those the caller may browse; 404 is a project it cannot see', async () => {
    const { requestJira, calls } = fakeJira((path) => {
      const key = new URLSearchParams(path.split('?')[1]).get('projectKey');
      if (key === 'GONE')
        return { status: 404, body: { errorMessages: ["No project could be found with key 'GONE'."], errors: {} } };
      return { status: 200, body: permission(key !== 'SEC') };
    });

    await expect(browsableProjects(['DEMO', 'SEC', 'DEMO', 'GONE', 'not a key'], requestJira)).resolves.toEqual(
      new Set(['DEMO']),
    );
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/mypermissions?projectKey=DEMO&permissions=BROWSE_PROJECTS',
      '/rest/api/3/mypermissions?projectKey=SEC&permissions=BROWSE_PROJECTS',
      '/rest/api/3/mypermissions?projectKey=GONE&permissions=BROWSE_PROJECTS',
    ]);
  });

  it('fails with JIRA_REQUEST_FAILED when Jira fails, rather than call a project unseen', async () => {
    const { requestJira } = fakeJira(() => ({ status: 503, body: {} }));
    await expect(browsableProjects(['DEMO'], requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      status: 503,
    });
  });
});
