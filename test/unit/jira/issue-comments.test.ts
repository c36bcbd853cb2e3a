import { readIssueComments } from '../../../src/jira/issue-comments';
import { fakeJira } from '../support/fake-jira';
import { comment, commentPage, REFUSALS } from './jira-answers';

const path = (startAt: number, maxResults: number) =>
  `/rest/api/3/issue/DEMO-1/comment?orderBy=-created&expand=renderedBody&startAt=${startAt}&maxResults=${maxResults}`;

/** A Jira holding `total` comments, newest first (id 1000 + n for the n-th newest), paging as asked. */
const pagingJira = (total: number, serverCap = 5000) =>
  fakeJira((requested) => {
    const params = new URLSearchParams(requested.split('?')[1]);
    const startAt = Number(params.get('startAt'));
    const maxResults = Math.min(Number(params.get('maxResults')), serverCap);
    const comments = Array.from({ length: Math.max(0, Math.min(maxResults, total - startAt)) }, (_, index) => {
      const n = startAt + index;
      return comment(
        String(1000 + n),
        `Author ${n}`,
        `2025-03-0${(n % 9) + 1}T10:00:00.000+0000`,
        `<p>Comment ${n}</p>`,
      );
    });
    return { status: 200, body: commentPage(startAt, total, comments) };
  });

describe('readIssueComments', () => {
  it('reads the newest comments with their rendered HTML, newest first, and the total', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: commentPage(0, 5, [
        comment('10202', 'Sam Rivera', '2025-03-04T15:20:05.000+0000', '<p>Newest</p>'),
        comment('10201', null, '2025-03-03T23:41:09.000+0000', '<p>By someone deleted</p>'),
      ]),
    }));
    await expect(readIssueComments('DEMO-1', 2, requestJira)).resolves.toEqual({
      comments: [
        { id: '10202', author: 'Sam Rivera', created: '2025-03-04T15:20:05.000+0000', bodyHtml: '<p>Newest</p>' },
        {
          id: '10201',
          author: 'Anonymous',
          created: '2025-03-03T23:41:09.000+0000',
          bodyHtml: '<p>By someone deleted</p>',
        },
      ],
      total: 5,
    });
    expect(calls).toEqual([{ path: path(0, 2), init: { method: 'GET', headers: { Accept: 'application/json' } } }]);
  });

  it("leaves out the app's own comments and reads on until it has as many others as asked", async () => {
    const APP = 'app-issue-mailer';
    const { requestJira, calls } = fakeJira((requested) => {
      const startAt = Number(new URLSearchParams(requested.split('?')[1]).get('startAt'));
      const all = [
        {
          ...comment(
            '10206',
            'Issue Mailer for Jira',
            '2025-03-06T10:00:00.000+0000',
            '<p>Emailed to ada@example.com by Sam.</p>',
          ),
          author: { accountId: APP, displayName: 'Issue Mailer for Jira', accountType: 'app' },
        },
        comment('10205', 'Sam Rivera', '2025-03-05T10:00:00.000+0000', '<p>Newest by a person</p>'),
        {
          ...comment('10204', 'Automation for Jira', '2025-03-04T10:00:00.000+0000', '<p>Rule ran.</p>'),
          author: { accountId: 'automation', displayName: 'Automation for Jira', accountType: 'app' },
        },
        comment('10203', 'Jordan Lee', '2025-03-03T10:00:00.000+0000', '<p>Older</p>'),
      ];
      return { status: 200, body: commentPage(startAt, all.length, all.slice(startAt, startAt + 2)) };
    });

    const read = await readIssueComments('DEMO-1', 2, requestJira, { accountId: APP });

    // Another app's comment (Automation) is content; only the app's own notes are left out.
    expect(read.comments.map((item) => item.bodyHtml)).toEqual(['<p>Newest by a person</p>', '<p>Rule ran.</p>']);
    expect(read.total).toBe(3);
    expect(calls.map((call) => call.path)).toEqual([path(0, 2), path(2, 1)]);

    // Not knowing its own account, the app leaves out every app's comments rather than let its own through.
    const unsure = await readIssueComments('DEMO-1', 'all', requestJira, { accountType: 'app' });
    expect(unsure.comments.map((item) => item.bodyHtml)).toEqual(['<p>Newest by a person</p>', '<p>Older</p>']);
  });

  it.each([
    ['3 of 250', 3, 250, [path(0, 3)], 3],
    ['all of 250, a page of 100 at a time', 'all' as const, 250, [path(0, 100), path(100, 100), path(200, 100)], 250],
    ['all of 3', 'all' as const, 3, [path(0, 100)], 3],
    ['150 of 120', 150, 120, [path(0, 100), path(100, 50)], 120],
    ['none, but the total', 0, 42, [path(0, 1)], 0],
    ['all, capped at 1000', 'all' as const, 1500, Array.from({ length: 10 }, (_, page) => path(page * 100, 100)), 1000],
    ['5000, capped at 1000', 5000, 1500, Array.from({ length: 10 }, (_, page) => path(page * 100, 100)), 1000],
  ])('reads %s', async (_what, limit, total, paths, count) => {
    const { requestJira, calls } = pagingJira(total);
    const read = await readIssueComments('DEMO-1', limit, requestJira);
    expect(calls.map((call) => call.path)).toEqual(paths);
    expect(read.comments).toHaveLength(count);
    expect(read.total).toBe(total);
    expect(read.comments.map((c) => c.id)).toEqual(Array.from({ length: count }, (_, n) => String(1000 + n)));
  });

  it('follows a Jira that answers smaller pages than asked for', async () => {
    const { requestJira, calls } = pagingJira(120, 50);
    const read = await readIssueComments('DEMO-1', 'all', requestJira);
    expect(calls.map((call) => call.path)).toEqual([path(0, 100), path(50, 100), path(100, 100)]);
    expect(read.comments).toHaveLength(120);
  });

  it('stops at an empty page even when the total promises more', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: commentPage(0, 9, []) }));
    await expect(readIssueComments('DEMO-1', 'all', requestJira)).resolves.toEqual({ comments: [], total: 9 });
    expect(calls).toHaveLength(1);
  });

  it.each([...REFUSALS, [404, 'JIRA_ISSUE_NOT_FOUND'] as const])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(readIssueComments('DEMO-1', 3, requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/issue/DEMO-1/comment answered ${status}.`,
    });
  });

  it.each([
    [{ comments: [] }, 'total: Invalid input: expected number, received undefined'],
    [
      commentPage(0, 1, [{ ...comment('1', 'A', '2025-03-01T00:00:00.000+0000', ''), renderedBody: undefined }]),
      'comments.0.renderedBody: Invalid input: expected string, received undefined',
    ],
    [
      commentPage(0, 1, [{ ...comment('1', 'A', '2025-03-01T00:00:00.000+0000', ''), id: 1 }]),
      'comments.0.id: Invalid input: expected string, received number',
    ],
  ])('names the offending field', async (body, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    await expect(readIssueComments('DEMO-1', 3, requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/issue/DEMO-1/comment answered an unexpected body: ${detail}`,
    });
  });

  it('does not call Jira for a malformed key', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: {} }));
    await expect(readIssueComments('demo-1', 3, requestJira)).rejects.toMatchObject({ code: 'JIRA_ISSUE_NOT_FOUND' });
    expect(calls).toHaveLength(0);
  });
});
