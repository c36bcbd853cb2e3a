import { ALEX_ADMIN, APP_USER, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import { APP, as, get, newJira, NOW, send, SITE } from './helpers';

interface CommentAnswer {
  self: string;
  id: string;
  author: { accountId: string; displayName: string; accountType: string };
  updateAuthor: { accountId: string };
  body: unknown;
  renderedBody?: string;
  created: string;
  updated: string;
  jsdPublic: boolean;
}

interface CommentPage {
  startAt: number;
  maxResults: number;
  total: number;
  comments: CommentAnswer[];
}

const DEMO_3_COMMENT_IDS = ['10204', '10205', '10206', '10207', '10208', '10209', '10210'];

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('comments', () => {
  const admin = as(ALEX_ADMIN);

  describe('GET /rest/api/3/issue/{key}/comment', () => {
    const jira = newJira();
    const page = async (query: string) =>
      (await get(jira, `/rest/api/3/issue/DEMO-3/comment${query}`, admin)).json<CommentPage>();

    it.each([
      ['', 0, 50, DEMO_3_COMMENT_IDS],
      ['?maxResults=2', 0, 2, DEMO_3_COMMENT_IDS.slice(0, 2)],
      ['?startAt=2&maxResults=3', 2, 3, DEMO_3_COMMENT_IDS.slice(2, 5)],
      ['?startAt=6&maxResults=3', 6, 3, DEMO_3_COMMENT_IDS.slice(6)],
      ['?startAt=7', 7, 50, []],
      ['?orderBy=-created&maxResults=2', 0, 2, ['10210', '10209']],
      ['?orderBy=created', 0, 50, DEMO_3_COMMENT_IDS],
    ])('pages %s', async (query, startAt, maxResults, ids) => {
      const body = await page(query);
      expect({ startAt: body.startAt, maxResults: body.maxResults, total: body.total }).toEqual({
        startAt,
        maxResults,
        total: 7,
      });
      expect(body.comments.map((comment) => comment.id)).toEqual(ids);
    });

    it('answers a comment as Jira does, with renderedBody only when expanded', async () => {
      const plain = (await page('?maxResults=1')).comments[0];
      expect(plain).toEqual({
        self: `${SITE}/rest/api/3/issue/10003/comment/10204`,
        id: '10204',
        author: expect.objectContaining({
          accountId: SAM_AGENT.accountId,
          displayName: 'Sam Rivera',
          accountType: 'atlassian',
        }),
        body: adf(
          'Thanks Jordan. Which Wi-Fi band are you on, 2.4 GHz or 5 GHz? And does the drop line up with moving between rooms?',
        ),
        updateAuthor: expect.objectContaining({ accountId: SAM_AGENT.accountId }),
        created: '2025-03-05T09:15:00.000+0000',
        updated: '2025-03-05T09:15:00.000+0000',
        jsdPublic: true,
      });
      const rendered = (await page('?startAt=4&maxResults=1&expand=renderedBody')).comments[0];
      expect(rendered?.renderedBody).toBe(
        `<p><a href="${SITE}/secure/ViewProfile.jspa?accountId=5d8f6a2c1b9e4f0c7a3b2e10" class="user-hover" rel="5d8f6a2c1b9e4f0c7a3b2e10" data-account-id="5d8f6a2c1b9e4f0c7a3b2e10" accountid="5d8f6a2c1b9e4f0c7a3b2e10">Alex Admin</a> the gateway logs show the same client re-authenticating every 10 minutes. Is the HIP check interval still set to 10 minutes after last week's change?</p>`,
      );
    });

    it.each([
      ['?startAt=abc', ["The value 'abc' is not a valid number for the 'startAt' parameter."]],
      ['?maxResults=1.5', ["The value '1.5' is not a valid number for the 'maxResults' parameter."]],
      ['?orderBy=updated', ["The orderBy value 'updated' is not supported; use created, +created or -created."]],
    ])('answers 400 for %s', async (query, errorMessages) => {
      const answer = await get(jira, `/rest/api/3/issue/DEMO-3/comment${query}`, admin);
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({ errorMessages, errors: {} });
    });

    it('answers 404 for a missing issue', async () => {
      const answer = await get(jira, '/rest/api/3/issue/NOPE-1/comment', admin);
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual({
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    });

    it('answers REST v2 comment bodies as wiki markup', async () => {
      const body = (await get(jira, '/rest/api/2/issue/DEMO-1/comment?startAt=2', admin)).json<CommentPage>();
      expect(body.comments[0]?.body).toBe(
        `[~accountid:${ALEX_ADMIN.accountId}] can you check whether Casey still has *Full Access* on the helpdesk mailbox? The log shows an access-denied token refresh.`,
      );
    });

    it('gets one comment by id, and 404s an id of another issue', async () => {
      expect(
        (await get(jira, '/rest/api/3/issue/DEMO-1/comment/10201', admin)).json<CommentAnswer>().author.accountId,
      ).toBe(CASEY_CUSTOMER.accountId);
      const answer = await get(jira, '/rest/api/3/issue/DEMO-1/comment/10204', admin);
      expect(answer.status).toBe(404);
      expect(answer.json()).toEqual({ errorMessages: ['Can not find a comment for the id: 10204.'], errors: {} });
    });
  });

  describe('POST /rest/api/3/issue/{key}/comment', () => {
    it('adds an ADF comment that later calls see', async () => {
      const jira = newJira();
      const created = await send(jira, 'POST', '/rest/api/3/issue/DEMO-5/comment?expand=renderedBody', as(SAM_AGENT), {
        body: adf('Picked up, <starting> today.'),
      });
      expect(created.status).toBe(201);
      expect(created.json<CommentAnswer>()).toEqual({
        self: `${SITE}/rest/api/3/issue/10005/comment/10214`,
        id: '10214',
        author: expect.objectContaining({ accountId: SAM_AGENT.accountId }),
        body: adf('Picked up, <starting> today.'),
        renderedBody: '<p>Picked up, &lt;starting&gt; today.</p>',
        updateAuthor: expect.objectContaining({ accountId: SAM_AGENT.accountId }),
        created: '2025-03-08T05:00:00.000-0500',
        updated: '2025-03-08T05:00:00.000-0500',
        jsdPublic: true,
      });

      const page = (await get(jira, '/rest/api/3/issue/DEMO-5/comment', as(ALEX_ADMIN))).json<CommentPage>();
      expect(page.total).toBe(1);
      expect(page.comments.map((comment) => comment.id)).toEqual(['10214']);
      const issue = (
        await get(jira, '/rest/api/3/issue/DEMO-5?fields=updated,comment&expand=renderedFields', as(ALEX_ADMIN))
      ).json<{
        fields: { updated: string; comment: { total: number } };
        renderedFields: { comment: { comments: { created: string }[] } };
      }>();
      expect(issue.fields.updated).toBe(NOW.toISOString().replace('Z', '+0000'));
      expect(issue.fields.comment.total).toBe(1);
      expect(issue.renderedFields.comment.comments[0]?.created).toBe('Today 10:00 AM');
    });

    it('numbers comments on from the last one, across issues', async () => {
      const jira = newJira();
      const first = await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN), { body: adf('One') });
      const second = await send(jira, 'POST', '/rest/api/3/issue/DEMO-2/comment', as(ALEX_ADMIN), { body: adf('Two') });
      expect([first.json<CommentAnswer>().id, second.json<CommentAnswer>().id]).toEqual(['10214', '10215']);
    });

    it("keeps each emulator's comments to itself", async () => {
      const one = newJira();
      await send(one, 'POST', '/rest/api/3/issue/DEMO-5/comment', as(ALEX_ADMIN), { body: adf('Only here') });
      const other = newJira();
      expect((await get(other, '/rest/api/3/issue/DEMO-5/comment', as(ALEX_ADMIN))).json<CommentPage>().total).toBe(0);
    });

    it('makes the app the author of an asApp comment', async () => {
      const jira = newJira();
      const created = (
        await send(jira, 'POST', '/rest/api/3/issue/DEMO-3/comment', APP, { body: adf('Emailed to 2 recipients.') })
      ).json<CommentAnswer>();
      expect(created.author).toEqual(
        expect.objectContaining({
          accountId: APP_USER.accountId,
          displayName: 'Issue Mailer for Jira',
          accountType: 'app',
        }),
      );
    });

    it('lets a customer comment on their own request', async () => {
      const jira = newJira();
      expect(
        (await send(jira, 'POST', '/rest/api/3/issue/DEMO-4/comment', as(CASEY_CUSTOMER), { body: adf('Thanks') }))
          .status,
      ).toBe(201);
    });

    it('stores a REST v2 string body as paragraphs', async () => {
      const jira = newJira();
      const created = (
        await send(jira, 'POST', '/rest/api/2/issue/DEMO-6/comment', as(JORDAN_MEMBER), {
          body: 'Line one\nline two\n\nSecond paragraph',
        })
      ).json<CommentAnswer>();
      expect(created.body).toBe('Line one\nline two\n\nSecond paragraph');
      const v3 = (
        await get(jira, `/rest/api/3/issue/DEMO-6/comment/${created.id}`, as(JORDAN_MEMBER))
      ).json<CommentAnswer>();
      expect(v3.body).toEqual({
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Line one' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }],
          },
          { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraph' }] },
        ],
      });
    });

    const EMPTY = { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } };
    const INVALID = { errorMessages: [], errors: { comment: 'Comment body is not valid!' } };

    it.each([
      ['no body', {}, EMPTY],
      ['an empty document', { body: { type: 'doc', version: 1, content: [] } }, EMPTY],
      [
        'only empty paragraphs',
        { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [] }] } },
        EMPTY,
      ],
      ['a plain string on v3', { body: 'hello' }, INVALID],
      [
        'an unknown node type',
        { body: { type: 'doc', version: 1, content: [{ type: 'marquee', content: [] }] } },
        INVALID,
      ],
      [
        'a text node without text',
        { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text' }] }] } },
        INVALID,
      ],
      ['a wrong version', { body: { ...adf('x'), version: 2 } }, INVALID],
    ])('answers 400 for %s', async (_what, payload, expected) => {
      const jira = newJira();
      const answer = await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN), payload);
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual(expected);
      expect((await get(jira, '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN))).json<CommentPage>().total).toBe(3);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const answer = await send(newJira(), 'POST', '/rest/api/3/issue/DEMO-1/comment', as(ALEX_ADMIN), '{"body":');
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({
        errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'],
        errors: {},
      });
    });

    it('answers 415 without a JSON content type', async () => {
      const answer = await send(
        newJira(),
        'POST',
        '/rest/api/3/issue/DEMO-1/comment',
        as(ALEX_ADMIN),
        { body: adf('x') },
        { 'content-type': 'text/plain' },
      );
      expect(answer.status).toBe(415);
    });

    it('answers 404 when the caller cannot see the issue', async () => {
      const answer = await send(newJira(), 'POST', '/rest/api/3/issue/DEMO-3/comment', as(CASEY_CUSTOMER), {
        body: adf('x'),
      });
      expect(answer.status).toBe(404);
    });
  });
});
