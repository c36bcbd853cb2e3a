import { JiraError } from '../../../src/jira/errors';
import { readIssue } from '../../../src/jira/issue-reader';
import { fakeJira, sampleIssue } from '../support/fake-jira';
import { issueSnapshot } from '../support/issue';

const PATH =
  '/rest/api/3/issue/DEMO-1?fields=summary%2Cstatus%2Cissuetype%2Cpriority%2Cassignee%2Creporter%2Ccreated%2Cupdated%2Cduedate%2Clabels%2Ccomponents%2Cdescription%2Cproject&expand=renderedFields';

describe('readIssue', () => {
  it('GETs only the fields the email needs, with rendered fields, and maps the answer', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: sampleIssue() }));

    await expect(readIssue('DEMO-1', requestJira)).resolves.toEqual(issueSnapshot());
    expect(calls).toEqual([{ path: PATH, init: { method: 'GET', headers: { Accept: 'application/json' } } }]);
    expect(new URLSearchParams(PATH.split('?')[1]).get('fields')?.split(',')).toHaveLength(13);
  });

  it('accepts absent and null optional fields', async () => {
    const issue = sampleIssue(
      { priority: null, assignee: null, duedate: null, labels: [], components: [], status: undefined },
      null,
    );
    const { requestJira } = fakeJira(() => ({ status: 200, body: issue }));
    await expect(readIssue('DEMO-1', requestJira)).resolves.toMatchObject({
      priority: undefined,
      assignee: undefined,
      dueDate: undefined,
      status: undefined,
      labels: [],
      components: [],
      descriptionHtml: undefined,
    });
  });

  it.each([
    ['fields.summary', sampleIssue({ summary: 42 }), 'fields.summary: Invalid input: expected string, received number'],
    [
      'fields.status.name',
      sampleIssue({ status: { id: '3' } }),
      'fields.status.name: Invalid input: expected string, received undefined',
    ],
    [
      'fields.labels.0',
      sampleIssue({ labels: [1] }),
      'fields.labels.0: Invalid input: expected string, received number',
    ],
    ['key', { ...sampleIssue(), key: undefined }, 'key: Invalid input: expected string, received undefined'],
  ])('names the offending field %s in JIRA_RESPONSE_INVALID', async (_field, body, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    const error = await readIssue('DEMO-1', requestJira).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      status: 200,
      message: `GET /rest/api/3/issue/DEMO-1 answered an unexpected body: ${detail}`,
    });
  });

  it.each([
    [404, 'JIRA_ISSUE_NOT_FOUND'],
    [401, 'JIRA_FORBIDDEN'],
    [403, 'JIRA_FORBIDDEN'],
    [400, 'JIRA_REQUEST_FAILED'],
    [500, 'JIRA_REQUEST_FAILED'],
    [503, 'JIRA_REQUEST_FAILED'],
  ])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: { errorMessages: ['secret-ish detail'] } }));
    const error = await readIssue('DEMO-1', requestJira).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, status, message: `GET /rest/api/3/issue/DEMO-1 answered ${status}.` });
  });

  it('answers JIRA_REQUEST_FAILED when the call throws, and JIRA_RESPONSE_INVALID for a non-JSON body', async () => {
    const cause = new Error('proxy down');
    const thrown = await readIssue('DEMO-1', fakeJira(() => cause).requestJira).catch((e: unknown) => e);
    expect(thrown).toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      cause,
      message: 'GET /rest/api/3/issue/DEMO-1 failed: no answer from Jira.',
    });

    const html = await readIssue('DEMO-1', fakeJira(() => ({ status: 200, body: '<html>' })).requestJira).catch(
      (e: unknown) => e,
    );
    expect(html).toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: 'GET /rest/api/3/issue/DEMO-1 answered 200 without a JSON body.',
    });
  });

  it.each([['demo-1'], ['DEMO-1/../x'], ['DEMO'], ['']])('does not call Jira for a malformed key %j', async (key) => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: sampleIssue() }));
    await expect(readIssue(key, requestJira)).rejects.toMatchObject({ code: 'JIRA_ISSUE_NOT_FOUND' });
    expect(calls).toHaveLength(0);
  });
});
