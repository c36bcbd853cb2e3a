import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import { findMarkedComment, findMarkedIssue, incomingMark } from '../../../src/jira/incoming-marks';
import { fakeJira } from '../support/fake-jira';

const KEY = 'b'.repeat(64);

const commentWith = (id: string, properties?: unknown[]) => ({
  self: `https://example.atlassian.net/rest/api/3/issue/10001/comment/${id}`,
  id,
  body: { type: 'doc', version: 1, content: [] },
  ...(properties === undefined ? {} : { properties }),
});

const page = (startAt: number, total: number, comments: unknown[]) => ({ startAt, maxResults: 100, total, comments });

describe('incomingMark', () => {
  it('is the entity property issue-mailer-incoming with the message key', () => {
    expect(incomingMark(KEY)).toEqual({ key: 'issue-mailer-incoming', value: { messageKey: KEY } });
  });
});

describe('findMarkedComment', () => {
  it('finds the comment carrying the mark, reading the newest comments with their properties', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: page(0, 3, [
        commentWith('10300', []),
        commentWith('10299', [{ key: 'issue-mailer-incoming', value: { messageKey: 'other' } }]),
        commentWith('10298', [{ key: 'other', value: { messageKey: KEY } }, incomingMark(KEY)]),
      ]),
    }));
    await expect(findMarkedComment('DEMO-3', KEY, requestJira)).resolves.toBe('10298');
    expect(calls.map((call) => call.path)).toEqual([
      '/rest/api/3/issue/DEMO-3/comment?orderBy=-created&expand=properties&startAt=0&maxResults=100',
    ]);
  });

  it('pages on until the comments end, and answers undefined when none carries it', async () => {
    const { requestJira, calls } = fakeJira((path) =>
      path.includes('startAt=0&')
        ? {
            status: 200,
            body: page(
              0,
              150,
              Array.from({ length: 100 }, (_, i) => commentWith(String(i), [])),
            ),
          }
        : {
            status: 200,
            body: page(
              100,
              150,
              Array.from({ length: 50 }, (_, i) => commentWith(String(100 + i))),
            ),
          },
    );
    await expect(findMarkedComment('DEMO-3', KEY, requestJira)).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.path).toContain('startAt=100&');
  });

  it('reads at most five pages', async () => {
    const { requestJira, calls } = fakeJira((path) => {
      const startAt = Number(/startAt=(\d+)/.exec(path)?.[1]);
      return {
        status: 200,
        body: page(
          startAt,
          10_000,
          Array.from({ length: 100 }, (_, i) => commentWith(String(startAt + i), [])),
        ),
      };
    });
    await expect(findMarkedComment('DEMO-3', KEY, requestJira)).resolves.toBeUndefined();
    expect(calls).toHaveLength(5);
  });

  it('stops at an empty page', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: page(0, 0, []) }));
    await expect(findMarkedComment('DEMO-3', KEY, requestJira)).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('is JIRA_ISSUE_NOT_FOUND for a gone issue, JIRA_RESPONSE_INVALID for an answer of another shape', async () => {
    const gone = fakeJira(() => ({ status: 404, body: { errorMessages: ['Issue does not exist'] } }));
    await expect(findMarkedComment('DEMO-3', KEY, gone.requestJira)).rejects.toMatchObject({
      code: JiraErrorCode.IssueNotFound,
    });
    const odd = fakeJira(() => ({ status: 200, body: { comments: 'none' } }));
    await expect(findMarkedComment('DEMO-3', KEY, odd.requestJira)).rejects.toMatchObject({
      code: JiraErrorCode.ResponseInvalid,
    });
  });

  it('refuses what is not an issue key, asking Jira nothing', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: page(0, 0, []) }));
    await expect(findMarkedComment('DEMO-3/../x', KEY, requestJira)).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});

describe('findMarkedIssue', () => {
  it('searches the project by JQL on the indexed mark and answers the key found', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: { issues: [{ id: '10042', key: 'DEMO-12' }], isLast: true },
    }));
    await expect(findMarkedIssue('DEMO', KEY, requestJira)).resolves.toBe('DEMO-12');
    expect(calls[0]?.path).toBe('/rest/api/3/search/jql');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({
      jql: `project = "DEMO" AND issue.property[issue-mailer-incoming].messageKey = "${KEY}"`,
      maxResults: 1,
      fields: ['id'],
    });
  });

  it('answers undefined when no issue carries it', async () => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { issues: [], isLast: true } }));
    await expect(findMarkedIssue('DEMO', KEY, requestJira)).resolves.toBeUndefined();
  });

  it('escapes quotes and backslashes of the key in the JQL string', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: { issues: [] } }));
    await findMarkedIssue('DEMO', 'a"b\\c', requestJira);
    expect((JSON.parse(calls[0]?.init?.body as string) as { jql: string }).jql).toContain('= "a\\"b\\\\c"');
  });

  it('refuses what is not a project key, asking Jira nothing', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: { issues: [] } }));
    await expect(findMarkedIssue('DEMO" OR project = "X', KEY, requestJira)).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });

  it('is JIRA_JQL_REJECTED when Jira refuses the JQL', async () => {
    const { requestJira } = fakeJira(() => ({ status: 400, body: { errorMessages: ['bad'] } }));
    const error = await findMarkedIssue('DEMO', KEY, requestJira).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).code).toBe(JiraErrorCode.JqlRejected);
  });
});
