import { JiraFieldsRefusedError } from '../../../src/jira/errors';
import { addComment, createIssue, type NewIssue } from '../../../src/jira/incoming-writes';
import { fakeJira } from '../support/fake-jira';

const DOC = { type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [] }] };
const MARK = { key: 'issue-mailer-incoming', value: { messageKey: 'a'.repeat(64) } };

/** The JSON body of the nth call. */
const sentBody = (calls: ReturnType<typeof fakeJira>['calls'], n = 0): Record<string, unknown> =>
  JSON.parse(calls[n]?.init?.body as string) as Record<string, unknown>;

const issue = (overrides: Partial<NewIssue> = {}): NewIssue => ({
  projectKey: 'DEMO',
  issueTypeId: '10002',
  summary: 'Printer on fire',
  description: DOC,
  reporterAccountId: '712020:casey',
  property: MARK,
  ...overrides,
});

describe('createIssue', () => {
  it('creates the issue with its fields and its mark in one request', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 201, body: { id: '10042', key: 'DEMO-12', self: 'x' } }));
    await expect(createIssue(issue(), requestJira)).resolves.toEqual({ id: '10042', key: 'DEMO-12' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe('/rest/api/3/issue');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(sentBody(calls)).toEqual({
      fields: {
        project: { key: 'DEMO' },
        issuetype: { id: '10002' },
        summary: 'Printer on fire',
        description: DOC,
        reporter: { id: '712020:casey' },
      },
      properties: [MARK],
    });
  });

  it('leaves the reporter to Jira when none is given', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 201, body: { id: '1', key: 'DEMO-1' } }));
    await createIssue(issue({ reporterAccountId: undefined }), requestJira);
    expect(sentBody(calls)['fields']).not.toHaveProperty('reporter');
  });

  it('names the fields Jira refused, never their values', async () => {
    const { requestJira } = fakeJira(() => ({
      status: 400,
      body: {
        errorMessages: [],
        errors: { reporter: "Field 'reporter' cannot be set. It is not on the appropriate screen, or unknown." },
      },
    }));
    const error = await createIssue(issue(), requestJira).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JiraFieldsRefusedError);
    expect(error).toMatchObject({
      code: 'JIRA_FIELDS_REFUSED',
      fields: ['reporter'],
      status: 400,
      message: 'POST /rest/api/3/issue answered 400 for the fields: reporter.',
    });
  });

  it.each([
    [403, 'JIRA_FORBIDDEN', 'POST /rest/api/3/issue answered 403.'],
    [500, 'JIRA_REQUEST_FAILED', 'POST /rest/api/3/issue answered 500.'],
  ])('maps %i to %s', async (status, code, message) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(createIssue(issue(), requestJira)).rejects.toMatchObject({ code, message });
  });

  it('refuses a 201 without the new key', async () => {
    const { requestJira } = fakeJira(() => ({ status: 201, body: { id: '1' } }));
    await expect(createIssue(issue(), requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: 'POST /rest/api/3/issue answered without a "key".',
    });
  });
});

describe('addComment', () => {
  it('adds the comment with its mark', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 201, body: { id: '10100' } }));
    await expect(addComment('DEMO-1', DOC, MARK, requestJira)).resolves.toEqual({ id: '10100' });
    expect(calls[0]?.path).toBe('/rest/api/3/issue/DEMO-1/comment');
    expect(sentBody(calls)).toEqual({ body: DOC, properties: [MARK] });
  });

  it.each([
    [404, 'JIRA_ISSUE_NOT_FOUND'],
    [403, 'JIRA_FORBIDDEN'],
  ])('maps %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(addComment('DEMO-1', DOC, MARK, requestJira)).rejects.toMatchObject({ code });
  });

  it('refuses a bad issue key before calling Jira', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 201, body: { id: '1' } }));
    await expect(addComment('DEMO-1/../x', DOC, MARK, requestJira)).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
