import { listProjects } from '../../../src/jira/projects';
import { fakeJira } from '../support/fake-jira';
import { REFUSALS } from './jira-answers';

const project = (n: number) => ({
  self: `https://example.atlassian.net/rest/api/3/project/${n}`,
  id: String(n),
  key: `P${n}`,
  name: `Project ${n}`,
});

describe('listProjects', () => {
  it('reads every page of /project/search by key', async () => {
    const { requestJira, calls } = fakeJira((path) => {
      const startAt = Number(new URLSearchParams(path.split('?')[1]).get('startAt'));
      const values = Array.from({ length: Math.min(50, 120 - startAt) }, (_, index) => project(startAt + index));
      return { status: 200, body: { startAt, maxResults: 50, total: 120, isLast: startAt + 50 >= 120, values } };
    });
    const projects = await listProjects(requestJira);
    expect(projects).toHaveLength(120);
    expect(projects[0]).toEqual({ key: 'P0', name: 'Project 0' });
    expect(projects[119]).toEqual({ key: 'P119', name: 'Project 119' });
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/project/search?orderBy=key&startAt=0&maxResults=50',
      '/rest/api/3/project/search?orderBy=key&startAt=50&maxResults=50',
      '/rest/api/3/project/search?orderBy=key&startAt=100&maxResults=50',
    ]);
  });

  it('stops at an empty page that claims not to be the last, and at a page without isLast', async () => {
    const empty = fakeJira(() => ({ status: 200, body: { isLast: false, values: [] } }));
    await expect(listProjects(empty.requestJira)).resolves.toEqual([]);
    expect(empty.calls).toHaveLength(1);
    const unmarked = fakeJira(() => ({ status: 200, body: { values: [project(1)] } }));
    await expect(listProjects(unmarked.requestJira)).resolves.toEqual([{ key: 'P1', name: 'Project 1' }]);
    expect(unmarked.calls).toHaveLength(1);
  });

  it('stops at 5000 projects however many pages Jira claims', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: { isLast: false, values: Array.from({ length: 50 }, (_, n) => project(n)) },
    }));
    await expect(listProjects(requestJira)).resolves.toHaveLength(5000);
    expect(calls).toHaveLength(100);
  });

  it.each([...REFUSALS, [404, 'JIRA_REQUEST_FAILED'] as const])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(listProjects(requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/project/search answered ${status}.`,
    });
  });

  it('names the offending field', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { values: [{ key: 'P1' }] } }));
    await expect(listProjects(requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message:
        'GET /rest/api/3/project/search answered an unexpected body: values.0.name: Invalid input: expected string, received undefined',
    });
  });
});
